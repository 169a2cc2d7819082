// Where the wasm's bytes go: the size of each function's code, summed by
// crate or part of the app (from the function names), and the biggest
// functions. Reads a wasm that kept its names (scripts/wasm-breakdown makes
// one). A report for deciding what to cut, not a test.
// Usage: node scripts/wasm-breakdown.mjs FILE.wasm [TOP]
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/wasm-breakdown.mjs FILE.wasm [TOP]');
const bytes = readFileSync(file);
let at = 8;
const leb = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipLimits = () => { const flags = bytes[at++]; leb(); if (flags & 1) leb(); };

let importedFunctions = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports come first in the function index space.
    const skipName = () => { const length = leb(); at += length; };
    for (let n = leb(); n > 0; n--) {
      skipName(); // module
      skipName(); // field
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions++; } else if (kind === 1) { at++; skipLimits(); } else if (kind === 2) { skipLimits(); } else if (kind === 3) { at += 2; } else { leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const length = leb(); bodies.push(length); at += length; }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const nameLength = leb();
    const name = bytes.toString('utf8', at, at + nameLength);
    at += nameLength;
    while (name === 'name' && at < end) {
      const sub = bytes[at++];
      const subEnd = leb() + at;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) { const index = leb(); const length = leb(); names.set(index, bytes.toString('utf8', at, at + length)); at += length; }
      }
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${file} has no names: build it with scripts/wasm-breakdown`);

// The first match names the group; generic code is counted where it was instantiated
// when its name says so (`<X as yew::...>` for a component's view is Yew's).
const GROUPS = [
  ['trialcheck::web', 'app views (src/web)'], ['trialcheck::engine::rule', 'rule parser, checker, evaluator'],
  ['trialcheck::catalog', 'catalog loader'], ['trialcheck::engine', 'engine'], ['trialcheck::questionnaire', 'questionnaire'],
  ['trialcheck::', 'trialcheck, other'], ['yew', 'yew (with the components\' views)'], ['serde_wasm_bindgen', 'serde-wasm-bindgen'],
  ['serde', 'serde'], ['wasm_bindgen', 'wasm-bindgen'], ['web_sys', 'web-sys'], ['js_sys', 'js-sys'], ['dlmalloc', 'allocator'],
  ['alloc::collections', 'BTreeMap and BTreeSet'], ['core::slice::sort', 'sorting'], ['alloc::', 'alloc, other'],
  ['core::', 'core, other'], ['std::', 'std'], ['hashbrown', 'HashMap'], ['gloo', 'gloo'],
];
const groupOf = (name) => {
  const bare = name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/^<+/, '');
  const found = GROUPS.find(([prefix]) => bare.startsWith(prefix));
  return found ? found[1] : (name.includes('f64') ? 'floating point (core)' : `other: ${bare.split(/::|\[/)[0].slice(0, 30)}`);
};
const sums = new Map();
const functions = bodies.map((size, i) => ({ size, name: names.get(i + importedFunctions) ?? `#${i}` }));
for (const f of functions) sums.set(groupOf(f.name), (sums.get(groupOf(f.name)) ?? 0) + f.size);
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`code ${code} bytes in ${bodies.length} functions; data ${data} bytes`);
let small = 0;
for (const [group, size] of [...sums].sort((a, b) => b[1] - a[1])) {
  if (size >= 1000) console.log(`${String(size).padStart(8)}  ${group}`);
  else small += size;
}
console.log(`${String(small).padStart(8)}  groups under 1 KB each`);
console.log(`\nthe ${top} biggest functions:`);
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, Number(top))) {
  console.log(`${String(f.size).padStart(8)}  ${f.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 160)}`);
}
