// The post-build step fails the build rather than ship a template half filled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill } from '../../scripts/build/files.mjs';

test('a template is filled whole, or the build fails saying what is left', () => {
  assert.equal(fill("import '__GLUE__'; // __VERSION__", { GLUE: 'a.js', VERSION: '1' }, 'loader.js'), "import 'a.js'; // 1");
  assert.throws(() => fill("import '__GLUE__'; // __VERSON__", { GLUE: 'a.js' }, 'loader.js'), /loader\.js: __VERSON__ left unfilled/);
  assert.throws(() => fill("import '__GLUE__';", { GLUE: 'a.js', WASM: 'b.wasm' }, 'loader.js'), /loader\.js: no __WASM__ to fill/);
});
