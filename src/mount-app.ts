/** Mounts the application; imported by main.ts once the dataset request is on its way. */
import { mount } from 'svelte';
import App from './App.svelte';

export function mountApp(target: HTMLElement) {
  return mount(App, { target });
}
