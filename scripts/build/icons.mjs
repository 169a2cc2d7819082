// The app icons: a white tick on the accent colour, drawn and encoded as PNG
// here (no image tool needed on the build machine).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export function png(size, maskable) {
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

/** Writes the icons the web manifest names into `dir`. */
export function writeIcons(dir) {
  writeFileSync(join(dir, 'icon-192.png'), png(192, false));
  writeFileSync(join(dir, 'icon-512.png'), png(512, false));
  writeFileSync(join(dir, 'icon-maskable-512.png'), png(512, true));
}
