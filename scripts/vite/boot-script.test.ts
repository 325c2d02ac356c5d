import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { bootScript, bundleScript, filesOf, PLACEHOLDER } from './boot-script.ts';

const chunk = (fileName: string, facade: string | null, imports: string[], css: string[] = []) =>
  ({
    type: 'chunk',
    fileName,
    facadeModuleId: facade,
    imports,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
  }) as unknown as Rollup.OutputChunk;

const page = chunk('assets/index.js', '/repo/index.html', ['assets/boot.js'], ['assets/index.css']);
(page as { isEntry: boolean }).isEntry = true;
const bundle = Object.fromEntries(
  [
    page,
    chunk('assets/boot.js', null, []),
    chunk('assets/mount-app.js', '/repo/src/mount-app.ts', ['assets/app.js', 'assets/boot.js']),
    chunk('assets/app.js', null, ['assets/boot.js', 'assets/shared.js'], ['assets/app.css']),
    chunk('assets/shared.js', null, ['assets/app.js'], ['assets/shared.css']),
    chunk('assets/lazy.js', '/repo/src/lazy.ts', ['assets/app.js'], ['assets/lazy.css']),
  ].map((c) => [c.fileName, c]),
) as Rollup.OutputBundle;

describe('filesOf', () => {
  it("lists the module's chunk, what it imports (cycles included) and their stylesheets, less what the page links", () => {
    expect(filesOf(bundle, 'src/mount-app.ts', page)).toEqual({
      scripts: ['assets/mount-app.js', 'assets/app.js', 'assets/shared.js'],
      styles: ['assets/app.css', 'assets/shared.css'],
    });
  });
  it('names a module the bundle does not have', () => {
    expect(() => filesOf(bundle, 'src/gone.ts', page)).toThrow(/no chunk for src\/gone\.ts/);
  });
});

/** Runs the inlined script in a bare page: which requests it makes, in order. */
function runBoot(code: string, search: string) {
  const requests: string[] = [];
  const head: string[] = [];
  const page = {
    location: { search },
    performance: { mark: () => undefined },
    fetch: (url: string) => {
      requests.push(`fetch ${url}`);
      return new Promise(() => undefined);
    },
    document: {
      createElement: () => {
        const link: Record<string, unknown> = {};
        link.setAttribute = (name: string, value: string) => (link[name] = value);
        return link;
      },
      head: {
        append: (...links: Array<{ rel: string; href: string; as?: string }>) =>
          head.push(...links.map((l) => `${l.rel}${l.as ? `(${l.as})` : ''} ${l.href}`)),
      },
    },
    URLSearchParams,
  };
  runInNewContext(code, { ...page, globalThis: page, window: page });
  return [...requests, ...head];
}

describe('bundleScript (src/boot/early-request.ts)', () => {
  const preloads = {
    scripts: ['assets/mount-app.js', 'assets/app.js'],
    styles: ['assets/app.css'],
  };
  it('is one classic script that asks for the data first, then for the app', async () => {
    const code = await bundleScript('src/boot/early-request.ts', preloads);
    expect(code).not.toMatch(/\bimport\b|\bexport\b/);
    expect(runBoot(code, '?data=data/bench.json&lang=en')).toEqual([
      'fetch data/bench.json',
      'modulepreload assets/mount-app.js',
      'modulepreload assets/app.js',
      'preload(style) assets/app.css',
    ]);
    expect(runBoot(code, '?data=https://elsewhere.example/x.json')).toEqual([
      'fetch data/contacts.json',
      'modulepreload assets/mount-app.js',
      'modulepreload assets/app.js',
      'preload(style) assets/app.css',
    ]);
  }, 30_000);
});

describe('bootScript', () => {
  const plugin = bootScript('src/boot/early-request.ts', 'src/mount-app.ts');
  const run = async (html: string) => {
    const emitted: Array<{ fileName: string; source: string }> = [];
    const indexHtml = { type: 'asset', fileName: 'index.html', source: html } as unknown as Rollup.OutputAsset;
    const out: Rollup.OutputBundle = { ...bundle, 'index.html': indexHtml };
    const hook = plugin.generateBundle as (this: unknown, o: object, b: Rollup.OutputBundle) => Promise<void>;
    await hook.call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) }, {}, out);
    return { html: String(indexHtml.source), emitted };
  };

  it('writes the script as a file of its own and links it where the placeholder was (no inline code: strict CSP)', async () => {
    const { html, emitted } = await run(`<head><title>x</title>${PLACEHOLDER}</head>`);
    expect(emitted).toHaveLength(1);
    const { fileName, source } = emitted[0]!;
    expect(fileName).toMatch(/^assets\/early-request-[\w-]{8}\.js$/);
    expect(html).toBe(`<head><title>x</title><script async fetchpriority="high" src="./${fileName}"></script></head>`);
    expect(runBoot(source, '')).toEqual([
      'fetch data/contacts.json',
      'modulepreload assets/mount-app.js',
      'modulepreload assets/app.js',
      'modulepreload assets/shared.js',
      'preload(style) assets/app.css',
      'preload(style) assets/shared.css',
    ]);
  }, 30_000);

  it('refuses a page without the placeholder, rather than silently starting late', async () => {
    await expect(run('<head></head>')).rejects.toThrow(PLACEHOLDER);
  }, 30_000);
});
