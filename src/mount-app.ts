/**
 * Mounts the application; imported by main.ts once the dataset request is on its way. The interface texts of the
 * page's language are loaded first (see lib/i18n/messages.ts).
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { loadMessages, pageLanguage } from './lib/i18n/messages.ts';
import { parseViewState } from './lib/url/state.ts';

export async function mountApp(target: HTMLElement) {
  await loadMessages(pageLanguage(parseViewState(location.search).state.lang));
  return mount(App, { target });
}
