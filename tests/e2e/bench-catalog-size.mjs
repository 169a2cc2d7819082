// A report, not a test: the engine in the browser as a catalog grows. A
// catalog of N trials is made from the shipped one as a site gets it from
// `trialcheck export-catalog`, every language in one file (the trials copied under
// new ids), served beside the app and given as the site's own catalog; the
// report is the time from the page to the first question, and from an
// answer to the verdicts it changes. Headless Chromium, CPU not slowed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from './server.mjs';
import { launch, PHONE } from './browser.mjs';
import { ago, say } from './questionnaire.mjs';

const SIZES = (process.env.BENCH_TRIALS ?? '3,1000').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'trialcheck-bench-'));
cpSync(DIST, dir, { recursive: true });
// The tool is built for this machine, whatever target the app's build names.
const { CARGO_BUILD_TARGET, ...env } = process.env;
const exported = execFileSync('cargo', ['run', '--quiet', '--bin', 'trialcheck', '--', 'export-catalog'], {
  cwd: new URL('../../', import.meta.url), encoding: 'utf8', maxBuffer: 64 << 20, env,
});
const shipped = JSON.parse(exported);
for (const n of SIZES) {
  const trials = Array.from({ length: n }, (_, i) => ({ ...shipped.trials[i % shipped.trials.length], id: `NCT${String(90000000 + i).padStart(8, '0')}` }));
  writeFileSync(join(dir, `bench-${n}.json`), JSON.stringify({ ...shipped, trials }));
}
const server = await serve(dir);
const browser = await launch();
console.log('the engine in the browser (wasm), by catalog size:');
for (const n of SIZES) {
  const page = await browser.newPage({ viewport: PHONE });
  const start = Date.now();
  await page.goto(`${server.url}/embed-demo.html`, { waitUntil: 'commit' });
  // The demo's first widget, pointed at the big catalog.
  await page.evaluate((url) => {
    const w = document.createElement('trial-check');
    w.setAttribute('catalog', url);
    w.setAttribute('mode', 'child');
    w.id = 'bench';
    document.querySelector('main').prepend(w);
  }, `${server.url}/bench-${n}.json`);
  const widget = page.locator('#bench');
  await widget.locator('[data-question-id="date_of_birth"]').waitFor({ timeout: 120000 });
  const first = Date.now() - start;
  await widget.locator('[data-question-id="date_of_birth"] input').fill(ago({ years: 30 }));
  const answered = Date.now();
  await widget.getByRole('button', { name: say('en', 'answer-next'), exact: true }).click();
  await widget.locator('[data-question-id]:not([data-question-id="date_of_birth"])').first().waitFor({ timeout: 120000 });
  const verdicts = Date.now() - answered;
  console.log(`  ${String(n).padStart(6)} trials   first question ${String(first).padStart(6)} ms   next screen after an answer ${String(verdicts).padStart(5)} ms`);
  await page.close();
}
await browser.close();
await server.close();
