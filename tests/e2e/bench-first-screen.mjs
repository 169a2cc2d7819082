// A report, not a test: how soon a phone shows TrialCheck's first screen
// and first question. Headless Chromium with the CPU slowed 4x (a mid-range
// phone), on loopback and over an emulated slow 4G link; fresh cache each
// run; the median of several runs.
import { serve } from './server.mjs';
import { launch, PHONE } from './browser.mjs';
import { say } from './questionnaire.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NETWORKS = {
  loopback: null,
  'slow 4G (9 Mbit/s, 170 ms)': { offline: false, latency: 170, downloadThroughput: (9e6 / 8), uploadThroughput: (3e6 / 8) },
};

const server = await serve();
const browser = await launch();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first screen and first question, median of ${RUNS} runs, CPU slowed 4x:`);
for (const [name, network] of Object.entries(NETWORKS)) {
  const welcome = [];
  const question = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    const start = Date.now();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.locator('.tc-mode').first().waitFor();
    welcome.push(Date.now() - start);
    const click = Date.now();
    await page.getByRole('button', { name: say('en', 'mode-my_child') }).click();
    await page.locator('[data-question-id="date_of_birth"]').waitFor();
    question.push(Date.now() - click);
    await context.close();
  }
  console.log(`  ${name.padEnd(28)} first screen ${String(median(welcome)).padStart(5)} ms   first question after the tap ${String(median(question)).padStart(4)} ms`);
}
await browser.close();
await server.close();
