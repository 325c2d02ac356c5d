import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startStaticServer, type RunningServer } from './static-server.ts';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['x-gzip', true],
    ['deflate, br', false],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['identity', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('precompressed copies', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-server-'));
  const plain = '{"events":[1,2,3]}\n';
  let server: RunningServer;

  /** Raw response (no automatic decompression): encoding header and body bytes. */
  const request = (path: string, acceptEncoding?: string) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
      get(new URL(path, server.url), { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            vary: res.headers.vary,
            body: Buffer.concat(parts),
          }),
        );
      }).on('error', reject);
    });

  beforeAll(async () => {
    writeFileSync(join(root, 'data.json'), plain);
    writeFileSync(join(root, 'data.json.gz'), gzipSync(plain));
    writeFileSync(join(root, 'edited.json'), plain);
    writeFileSync(join(root, 'edited.json.gz'), gzipSync('{"old":true}\n'));
    writeFileSync(join(root, 'old.json'), plain);
    writeFileSync(join(root, 'old.json.gz'), gzipSync(plain));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'old.json.gz'), past, past);
    writeFileSync(join(root, 'bare.json'), plain);
    server = await startStaticServer({ root });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the gzip copy to a client that accepts gzip', async () => {
    const r = await request('data.json', 'gzip, deflate');
    expect(r.encoding).toBe('gzip');
    expect(r.vary).toBe('Accept-Encoding');
    expect(gunzipSync(r.body).toString()).toBe(plain);
  });

  it('sends the file itself to a client that does not', async () => {
    for (const accept of [undefined, 'br', 'gzip;q=0']) {
      const r = await request('data.json', accept);
      expect(r.encoding).toBeUndefined();
      expect(r.body.toString()).toBe(plain);
    }
  });

  it('ignores a copy that no longer matches the file: other length, or older than the file', async () => {
    for (const name of ['edited.json', 'old.json']) {
      const r = await request(name, 'gzip');
      expect(r.encoding, name).toBeUndefined();
      expect(r.body.toString()).toBe(plain);
    }
  });

  it('serves a file without a copy as before', async () => {
    const r = await request('bare.json', 'gzip');
    expect(r.encoding).toBeUndefined();
    expect(r.body.toString()).toBe(plain);
  });
});
