/**
 * A Vite plugin that puts a small script, bundled on its own, where index.html has the comment
 * `<!-- boot-script -->`: a classic `async` script file, which the browser requests as soon as it reads the page's
 * head and runs as soon as it has arrived, before the page's module script and its imports (which run only once the
 * whole module graph has arrived and the page is parsed). A file, not inline code: the app must work under a strict
 * Content-Security-Policy (`script-src 'self'`). Used to start the dataset read at once (src/boot/early-request.ts).
 *
 * The script also gets the files of a module the page imports later (`preload`: the app, which the page script loads
 * with a dynamic import), as `__BOOT_PRELOADS__`, so it can ask for them right after the data: otherwise they are
 * only requested once the page script has run.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';

export const PLACEHOLDER = '<!-- boot-script -->';

/** Files to fetch ahead, relative to the page: module scripts and stylesheets. */
export interface BootPreloads {
  scripts: string[];
  styles: string[];
}

/** `preload` is a path from the project's root, like `entry`. */
export function bootScript(entry: string, preload: string, page = 'index.html'): Plugin {
  return {
    name: 'contact-timeline:boot-script',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const html = bundle[page];
      if (html?.type !== 'asset') throw new Error(`boot script: the build wrote no ${page}`);
      const text = String(html.source);
      if (!text.includes(PLACEHOLDER)) throw new Error(`${page} lacks ${PLACEHOLDER}: put it at the top of the head`);
      const code = await bundleScript(entry, filesOf(bundle, preload, pageChunk(bundle, page)));
      const name = basename(entry).replace(/\.[^.]+$/, '');
      const fileName = `assets/${name}-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
      // High priority: Chromium fetches async scripts at low priority, behind the page's stylesheet and modules,
      // and this one starts the request everything else waits for.
      html.source = text.replace(PLACEHOLDER, () => `<script async fetchpriority="high" src="./${fileName}"></script>`);
    },
  };
}

/** The chunk of the page's own module script. */
function pageChunk(bundle: Rollup.OutputBundle, page: string): Rollup.OutputChunk | undefined {
  return Object.values(bundle).find(
    (c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry && !!c.facadeModuleId?.endsWith(page),
  );
}

/**
 * The chunk whose module is `moduleId` (a path ending), with every chunk it imports and their stylesheets; less the
 * page's own script and what it imports (`page`: the page links those itself).
 */
export function filesOf(bundle: Rollup.OutputBundle, moduleId: string, page?: Rollup.OutputChunk): BootPreloads {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const root = chunkOf(bundle, moduleId);
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const linked = new Set(page ? [page.fileName, ...page.imports] : []);
  // A Set keeps the order chunks were first reached in: the app's own file first, then what it imports.
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (scripts.has(chunk.fileName) || linked.has(chunk.fileName)) return;
    scripts.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) visit(next);
    }
  };
  visit(root);
  return { scripts: [...scripts], styles: [...styles] };
}

/** The chunk that `moduleId` (a path from the project's root) is the entry of. */
function chunkOf(bundle: Rollup.OutputBundle, moduleId: string): Rollup.OutputChunk {
  for (const chunk of Object.values(bundle))
    if (chunk.type === 'chunk' && chunk.facadeModuleId?.replace(/\\/g, '/').endsWith(`/${moduleId}`)) return chunk;
  throw new Error(`boot script: no chunk for ${moduleId} in the bundle`);
}

/** `entry` and its imports as one minified classic script (an IIFE: nothing leaks into the page's global scope). */
export async function bundleScript(entry: string, preloads: BootPreloads): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __BOOT_PRELOADS__: JSON.stringify(preloads) },
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'contactTimelineBoot', fileName: 'boot' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`boot script: expected one chunk from ${entry}, got ${chunks.length}`);
  return chunks[0]!.code;
}
