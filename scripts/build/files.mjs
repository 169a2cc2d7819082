// What the post-build steps share: the build's files, content hashes, and
// templates whose placeholders must all be filled.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** The build's files, as paths relative to `dir` with forward slashes. */
export const names = (dir) => walk(dir).map((f) => relative(dir, f).split('\\').join('/'));

/** The one file of the build whose name matches `pattern`. */
export function one(dir, pattern) {
  const found = names(dir).filter((n) => pattern.test(n));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern}, found: ${found.join(', ') || 'none'}`);
  return found[0];
}

export const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * `template` with each `__NAME__` replaced by `values.NAME`. A placeholder
 * left over (a typo, a new one nobody fills) fails the build: a loader that
 * imports `__GLUE__` would ship broken.
 */
export function fill(template, values, what) {
  let text = template;
  for (const [name, value] of Object.entries(values)) {
    const placeholder = `__${name}__`;
    if (!text.includes(placeholder)) throw new Error(`${what}: no ${placeholder} to fill`);
    text = text.replaceAll(placeholder, value);
  }
  const left = text.match(/__[A-Z][A-Z_]*__/g);
  if (left) throw new Error(`${what}: ${[...new Set(left)].join(', ')} left unfilled`);
  return text;
}
