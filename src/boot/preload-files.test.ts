// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { preloadFiles } from './preload-files.ts';

const preloads = {
  scripts: ['assets/mount-app-1.js', 'assets/app-2.js'],
  styles: ['assets/app-3.css'],
};
const links = () =>
  [...document.head.querySelectorAll('link')].map((l) => [
    l.rel,
    l.getAttribute('href'),
    l.getAttribute('as'),
    l.crossOrigin,
  ]);

afterEach(() => document.head.replaceChildren());

describe('preloadFiles', () => {
  it('fetches the app and its stylesheet (not applied: the app applies it when it loads), as the page script will', () => {
    preloadFiles(document, preloads);
    expect(links()).toEqual([
      ['modulepreload', 'assets/mount-app-1.js', null, ''],
      ['modulepreload', 'assets/app-2.js', null, ''],
      ['preload', 'assets/app-3.css', 'style', ''],
    ]);
  });

  it('adds nothing when there is nothing to fetch', () => {
    preloadFiles(document, { scripts: [], styles: [] });
    expect(links()).toEqual([]);
  });
});
