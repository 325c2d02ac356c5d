/**
 * Bundles the peer page (./peer.html + ./peer-page.ts: vis-timeline's standalone ESM build and its CSS) with Vite's
 * build API into a folder of its own, outside dist/. The benchmark serves that folder on localhost next to the app.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Builds the peer page into `outDir` (emptied first); returns the path of the page relative to outDir. */
export async function buildPeer(outDir: string): Promise<string> {
  if (!existsSync(resolve(HERE, '../../node_modules/vis-timeline/package.json')))
    throw new Error('vis-timeline is not installed: run `npm install -D vis-timeline@8.5.4 vis-data` first.');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root: HERE,
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: { input: join(HERE, 'peer.html') },
    },
  });
  return 'peer.html';
}

/** Makes the benchmark datasets (already written elsewhere) reachable as `data/<name>` inside the peer folder. */
export function linkPeerData(outDir: string, files: string[]): void {
  mkdirSync(join(outDir, 'data'), { recursive: true });
  // With its gzip copy, when there is one: both pages get the same bytes over the wire.
  for (const file of files.flatMap((f) => (existsSync(`${f}.gz`) ? [f, `${f}.gz`] : [f]))) {
    const target = join(outDir, 'data', file.split('/').pop()!);
    rmSync(target, { force: true });
    symlinkSync(resolve(file), target);
  }
}
