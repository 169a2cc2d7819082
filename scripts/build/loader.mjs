// The loader, named by its content, and `trialcheck.js`, the stable name
// sites embed, which imports it; every page is pointed at the loader.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fill, hash, names, one } from './files.mjs';
import { minify, minifyFile } from './minify.mjs';

/** Writes the loader into `dir` from the template in `source`; returns its name. `data` names the data files. */
export function writeLoader(dir, source, data) {
  const glue = one(dir, /^trialcheck-web-[0-9a-f]+\.js$/);
  // Its name stays: Trunk named it by its source, which the minified text follows.
  minifyFile(join(dir, glue), glue);
  const wasm = one(dir, /^trialcheck-web-[0-9a-f]+_bg\.wasm$/);
  const css = one(dir, /^styles-[0-9a-f]+\.css$/);
  const template = readFileSync(new URL('loader.js', source), 'utf8');
  const files = JSON.stringify(data);
  // The stylesheet the loader links is pinned too: a changed copy is not applied.
  const cssIntegrity = `sha384-${createHash('sha384').update(readFileSync(join(dir, css))).digest('base64')}`;
  const reserve = readFileSync(new URL('reserve.json', source), 'utf8');
  const room = JSON.parse(reserve);
  const values = {
    GLUE: glue, WASM: wasm, CSS: css, CSS_INTEGRITY: cssIntegrity, DATA: files, RESERVE: JSON.stringify({ widths: room.widths, welcome: room.welcome, question: room.question }),
    VERSION: hash(glue + wasm + css + files + reserve),
  };
  writeFileSync(join(dir, 'trialcheck-host.css'), hostStylesheet(room));
  const text = minify(fill(template, values, 'loader.js'), 'loader.js');
  const loader = `trialcheck-${hash(text)}.js`;
  writeFileSync(join(dir, loader), text);
  writeFileSync(join(dir, 'trialcheck.js'), `// Embed TrialCheck: <script type="module" src=".../trialcheck.js"></script>\nimport './${loader}';\n`);
  for (const page of names(dir).filter((n) => n.endsWith('.html'))) {
    const html = readFileSync(join(dir, page), 'utf8');
    // A page without the loader (none today) is left as it is; one with it must be filled whole.
    if (html.includes('__LOADER__')) writeFileSync(join(dir, page), fill(html, { LOADER: loader }, page));
  }
  return loader;
}

/**
 * The stylesheet a host page links in its <head>: the same room as the loader
 * keeps, but from the first paint, before any script has run (a module script
 * runs only after the page is drawn, and the page would jump then). Media
 * queries go by the window's width, the loader by the widget's own.
 */
export function hostStylesheet({ widths, welcome, question }) {
  const rule = (i) => `trial-check{min-height:${welcome[i]}px}trial-check[mode]{min-height:${question[i]}px}`;
  const bands = widths.map((w, i) => `@media (min-width:${w}px){${rule(i + 1)}}`);
  return `/* TrialCheck: room for each <trial-check> while it loads, so the page does not jump. */\ntrial-check{display:block}${rule(0)}\n${bands.join('\n')}\n`;
}

/** Writes the host page's helper for a self-sizing iframe, content-named and under its stable name. */
export function writeFrameHelper(dir, source) {
  // Kept as written: a classic script of 1 KB whose comment tells a web team how to use it.
  const text = readFileSync(new URL('frame.js', source), 'utf8');
  const named = `trialcheck-frame-${hash(text)}.js`;
  writeFileSync(join(dir, named), text);
  writeFileSync(join(dir, 'trialcheck-frame.js'), text);
  return named;
}
