/**
 * A small static file server for `dist/`: used by `npm start` and by the browser tests (which need a free port and,
 * later, custom headers such as a Content-Security-Policy). Serves only files inside `root`.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServerOptions {
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Extra headers on every response (e.g. Content-Security-Policy). */
  headers?: Record<string, string>;
  /** URL path prefix the site is mounted under, e.g. `/some/sub/path/` (proves the build is relocatable). */
  basePath?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const basePath = (options.basePath ?? '/').replace(/\/?$/, '/');

  const server = createServer(async (req, res) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', ...options.headers };
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (!pathname.startsWith(basePath)) {
        res.writeHead(404, headers).end('Not found');
        return;
      }
      let file = normalize(join(root, pathname.slice(basePath.length)));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403, headers).end('Forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      // A precompressed copy beside the file (`contacts.json.gz`, written by the build) is sent as it is to a
      // client that accepts gzip, the way static hosts with `gzip_static` do; unless it no longer matches the file.
      const gzipped = acceptsGzip(req.headers['accept-encoding']) ? await matchingGzipCopy(file) : null;
      const body = gzipped ?? (await readFile(file));
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end('Not found');
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${host}:${port}${basePath}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** True when an Accept-Encoding header allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * `file.gz` if it is a copy of `file` as it is now: its recorded length (gzip's trailer) equals the file's, and it is
 * not older than the file (2 s of slack: copying a folder, as `vite build` does with public/, may write the two in
 * either order). A file edited by hand after the build is served uncompressed instead of from a stale copy.
 */
async function matchingGzipCopy(file: string): Promise<Buffer | null> {
  const [copyInfo, info] = await Promise.all([stat(`${file}.gz`).catch(() => null), stat(file).catch(() => null)]);
  if (!copyInfo?.isFile() || !info?.isFile() || copyInfo.mtimeMs < info.mtimeMs - 2000) return null;
  const copy = await readFile(`${file}.gz`).catch(() => null);
  if (!copy || copy.length < 18 || copy.readUInt32LE(copy.length - 4) !== info.size % 2 ** 32) return null;
  return copy;
}
