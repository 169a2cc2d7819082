// Trunk post_build hook: runs in the staging folder before it becomes dist/.
// Writes, from the files the build actually produced:
//  - the loader, named by its content, and `trialcheck.js`, the stable name
//    sites embed, which imports it;
//  - index.html pointing at the loader;
//  - the app icons (PNG, drawn here);
//  - sw.js with the precache list and a version that changes with any file.
// Usage: node scripts/post-build.mjs [DIR]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateSync } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const source = new URL('../www/', import.meta.url);
if (!dir) throw new Error('no folder given and TRUNK_STAGING_DIR is not set');

const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
const names = () => files(dir).map((f) => relative(dir, f).split('\\').join('/'));
const one = (pattern) => {
  const found = names().filter((n) => pattern.test(n));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern}, found: ${found.join(', ') || 'none'}`);
  return found[0];
};
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// ---- Icons: a white tick on the accent colour, as PNG.
function png(size, maskable) {
  const crc = (buf) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
    return out;
  };
  const pad = maskable ? 0 : size * 0.06;
  const radius = maskable ? 0 : size * 0.2;
  const tick = [[0.28, 0.52], [0.43, 0.67], [0.73, 0.35]].map(([x, y]) => [x * size, y * size]);
  const width = size * 0.11;
  const segment = (px, py, [ax, ay], [bx, by]) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const cx = Math.max(pad + radius, Math.min(size - pad - radius, x + 0.5));
      const cy = Math.max(pad + radius, Math.min(size - pad - radius, y + 0.5));
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius && x >= pad && y >= pad && x < size - pad && y < size - pad;
      const onTick = Math.min(segment(x + 0.5, y + 0.5, tick[0], tick[1]), segment(x + 0.5, y + 0.5, tick[1], tick[2])) <= width / 2;
      const [r, g, b, a] = !inside ? [0, 0, 0, 0] : onTick ? [255, 255, 255, 255] : [0x1f, 0x5f, 0xa8, 255];
      row.writeUInt32BE(((r << 24) | (g << 16) | (b << 8) | a) >>> 0, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
writeFileSync(join(dir, 'icon-192.png'), png(192, false));
writeFileSync(join(dir, 'icon-512.png'), png(512, false));
writeFileSync(join(dir, 'icon-maskable-512.png'), png(512, true));

// ---- The loader, named by its content, and the stable name that imports it.
const glue = one(/^trialcheck-web-[0-9a-f]+\.js$/);
const wasm = one(/^trialcheck-web-[0-9a-f]+_bg\.wasm$/);
const css = one(/^styles-[0-9a-f]+\.css$/);
const template = readFileSync(new URL('loader.js', source), 'utf8');
const loaderText = template.replace('__GLUE__', glue).replace('__WASM__', wasm).replace('__CSS__', css).replace('__VERSION__', hash(glue + wasm + css));
const loader = `trialcheck-${hash(loaderText)}.js`;
writeFileSync(join(dir, loader), loaderText);
writeFileSync(join(dir, 'trialcheck.js'), `// Embed TrialCheck: <script type="module" src=".../trialcheck.js"></script>\nimport './${loader}';\n`);
for (const page of names().filter((n) => n.endsWith('.html'))) {
  const text = readFileSync(join(dir, page), 'utf8');
  writeFileSync(join(dir, page), text.replaceAll('__LOADER__', loader));
}

// ---- The service worker: every file of this build, and a version from all of them.
const precache = names().filter((n) => n !== 'sw.js').sort();
const version = hash(precache.map((n) => n + readFileSync(join(dir, n)).toString('base64')).join('\n'));
const sw = readFileSync(new URL('sw.js', source), 'utf8').replace('__VERSION__', version).replace('__FILES__', JSON.stringify(['./', ...precache], null, 1));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: loader ${loader}, ${precache.length} files precached, version ${version}`);
