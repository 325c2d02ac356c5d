/**
 * The page's script. It is kept tiny on purpose: it starts the dataset request first (see lib/dataset/prefetch.ts),
 * so the data travels while the app's code downloads, then loads and mounts the app. The single-file edition
 * carries its data inline and starts no request.
 */
import './app.css';
import { DEFAULT_DATA_URL, prefetchDataset } from './lib/dataset/prefetch.ts';
import { dataPathOf } from './lib/url/data-param.ts';
import { loadMessages, pageLanguage } from './lib/i18n/messages.ts';
import type { mountApp as MountApp } from './mount-app.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');

if (!document.getElementById('contacts-data')) {
  // Only the `data=` parameter is read here: the full URL parser would make this script wait for more code.
  prefetchDataset(dataPathOf(location.search) ?? DEFAULT_DATA_URL);
}

// The interface texts travel alongside the app's code. A guess from the raw `lang` value: the app asks again with the
// URL as parsed in full, and loads another language if that differs (a malformed value it ignores).
void loadMessages(pageLanguage(new URLSearchParams(location.search).get('lang'))).catch(() => undefined);

let app: Awaited<ReturnType<typeof MountApp>> | null = null;
try {
  const { mountApp } = await import('./mount-app.ts');
  app = await mountApp(target);
} catch (e) {
  showStartFailure(target, e);
}
export default app;

/**
 * The app's code or its interface texts could not be downloaded (offline, a deploy replaced the files): say so in
 * both languages, since neither language's texts may be there, and offer to reload.
 */
function showStartFailure(into: HTMLElement, error: unknown) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'start-failure';
  for (const [lang, text] of [
    ['de', 'Die Anwendung konnte nicht geladen werden. Bitte die Verbindung prüfen und die Seite neu laden.'],
    ['en', 'The app could not be loaded. Please check the connection and reload the page.'],
  ] as const) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    box.append(p);
  }
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Neu laden / Reload';
  reload.addEventListener('click', () => location.reload());
  box.append(detail, reload);
  into.replaceChildren(box);
}
