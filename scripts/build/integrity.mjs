// Subresource integrity for the files a host page loads directly: the
// content-named loader (immutable: its name changes with its content) and
// the stylesheet it links. A hospital can pin exactly what runs:
//   <script type="module" src=".../trialcheck-<hash>.js" integrity="sha384-…" crossorigin="anonymous"></script>
// `trialcheck.js` stays the convenience entry that always points to the newest build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { one } from './files.mjs';

const sri = (dir, name) => `sha384-${createHash('sha384').update(readFileSync(join(dir, name))).digest('base64')}`;

/** Writes integrity.json into `dir`: the loader's name, each file's hash, and the snippet to paste. */
export function writeIntegrity(dir, loader, frameHelper) {
  const css = one(dir, /^styles-[0-9a-f]+\.css$/);
  const integrity = { [loader]: sri(dir, loader), [css]: sri(dir, css), [frameHelper]: sri(dir, frameHelper) };
  const snippet = `<script type="module" src="https://YOUR-SITE/trialcheck/${loader}" integrity="${integrity[loader]}" crossorigin="anonymous"></script>`;
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify({ loader, frameHelper, integrity, snippet }, null, 1)}\n`);
  return integrity;
}
