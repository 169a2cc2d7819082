// The release build's JavaScript, minified by esbuild (installed with the
// test tools by scripts/setup): Trunk minifies the CSS but leaves
// wasm-bindgen's glue as it is. Only whitespace, names and syntax change;
// a file that esbuild cannot read fails the build.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(new URL('../../tests/e2e/package.json', import.meta.url));

/** Whether this build minifies: a release build, as Trunk tells its hooks. */
export const minifying = process.env.TRUNK_PROFILE === 'release';

/** `text` (an ES module) minified, or as it is when this build does not minify. */
export function minify(text, name) {
  if (!minifying) return text;
  const { transformSync } = require('esbuild');
  try {
    return transformSync(text, { minify: true, format: 'esm', legalComments: 'none', sourcefile: name }).code;
  } catch (e) {
    throw new Error(`${name}: esbuild could not minify it: ${e.message}`);
  }
}

/** Minifies the file at `path` in place. */
export function minifyFile(path, name) {
  writeFileSync(path, minify(readFileSync(path, 'utf8'), name));
}
