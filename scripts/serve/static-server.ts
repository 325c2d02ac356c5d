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
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
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
