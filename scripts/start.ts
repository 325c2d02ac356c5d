/**
 * `npm start`: serves the built site (the npm script has already compiled the data and built `dist/`).
 * Usage: tsx scripts/start.ts [--port N]  (default 4173, or the PORT environment variable).
 */
import { existsSync } from 'node:fs';
import { startStaticServer } from './serve/static-server.ts';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));

if (!existsSync('dist/index.html')) {
  console.error('dist/index.html is missing: run `npm run build` first (npm start does this for you).');
  process.exit(1);
}
const { url } = await startStaticServer({ root: 'dist', port, host: '127.0.0.1' });
console.log(`Contact Timeline is served at ${url}  (Ctrl+C to stop)`);
