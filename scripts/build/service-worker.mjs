// The service worker: every file of this build in its precache list, and a
// version that changes with any of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fill, hash, names } from './files.mjs';

/** Writes sw.js into `dir` from the template in `source`; returns what it lists. */
export function writeServiceWorker(dir, source) {
  const precache = names(dir).filter((n) => n !== 'sw.js').sort();
  const version = hash(precache.map((n) => n + readFileSync(join(dir, n)).toString('base64')).join('\n'));
  const template = readFileSync(new URL('sw.js', source), 'utf8');
  const files = JSON.stringify(['./', ...precache], null, 1);
  writeFileSync(join(dir, 'sw.js'), fill(template, { VERSION: version, FILES: files }, 'sw.js'));
  return { precache, version };
}
