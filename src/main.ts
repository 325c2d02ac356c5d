/**
 * The page's script. It is kept tiny on purpose: it starts the dataset request first (see lib/dataset/prefetch.ts),
 * so the data travels while the app's code downloads, then loads and mounts the app. The single-file edition
 * carries its data inline and starts no request.
 */
import './app.css';
import { DEFAULT_DATA_URL, prefetchDataset } from './lib/dataset/prefetch.ts';
import { dataPathOf } from './lib/url/data-param.ts';
import { loadMessages, pageLanguage } from './lib/i18n/messages.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');

if (!document.getElementById('contacts-data')) {
  // Only the `data=` parameter is read here: the full URL parser would make this script wait for more code.
  prefetchDataset(dataPathOf(location.search) ?? DEFAULT_DATA_URL);
}

// The interface texts travel alongside the app's code. A guess from the raw `lang` value: the app asks again with the
// URL as parsed in full, and loads another language if that differs (a malformed value it ignores).
void loadMessages(pageLanguage(new URLSearchParams(location.search).get('lang'))).catch(() => undefined);

const { mountApp } = await import('./mount-app.ts');
export default await mountApp(target);
