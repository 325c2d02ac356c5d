/**
 * The page's first script, linked at the top of index.html's head by the build (scripts/vite/boot-script.ts): starts
 * reading the dataset while the page is still being parsed, then asks for the app's code, so both download while the
 * page script is on its way.
 * The data is asked for first: over HTTP/1.1 a browser opens six connections per host, and the page waits for the
 * data longest.
 */
import { startDatasetRead } from '../lib/dataset/prefetch.ts';
import { preloadFiles, type Preloads } from './preload-files.ts';

/** Filled in by the build: the app's files. */
declare const __BOOT_PRELOADS__: Preloads;

startDatasetRead(location.search);
preloadFiles(document, __BOOT_PRELOADS__);
