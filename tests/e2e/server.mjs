// A static file server for the built app (dist/), on a free loopback port.
// Tests start their own, so no test depends on another process.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const DIST = resolve(new URL('../../dist', import.meta.url).pathname);

/**
 * Serves `root`; resolves to { url, close, requests, deploy } once listening.
 * `requests` records every request with its body; `deploy(dir)` switches to
 * another build, as a new deployment would. With `gzip`, files go out
 * compressed to a browser that accepts it, as a real host sends them.
 */
export async function serve(root = DIST, { gzip = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    requests.push({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString() });
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // The FHIR resources the build publishes at their canonical addresses have no extension.
      const fhir = path.startsWith('/fhir/') && !extname(file);
      const type = { 'content-type': fhir ? 'application/fhir+json' : TYPES[extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, type);
        res.end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deploy: (dir) => { root = resolve(dir); },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
