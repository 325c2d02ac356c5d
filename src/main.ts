/**
 * The page's module script. It is kept tiny on purpose: it makes sure the dataset read has started (see
 * lib/dataset/prefetch.ts), so the data travels while the app's code downloads, then loads and mounts the app. The
 * single-file edition carries its data inline and starts no request.
 */
import './app.css';
import { startDatasetRead } from './lib/dataset/prefetch.ts';
import type { mountApp as MountApp } from './mount-app.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');

// Normally the page's first script (src/boot/early-request.ts) has started the read already, and this does nothing;
// not on the dev server. The single-file edition carries its data inline.
if (!document.getElementById('contacts-data')) startDatasetRead(location.search);

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
