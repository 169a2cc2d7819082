// A report, not a test: how soon a phone shows TrialCheck's first screen
// and first question. Headless Chromium with the CPU slowed 4x (a mid-range
// phone), on loopback and over an emulated slow 4G link; fresh cache each
// run; the median of several runs. Then the same first form in TrialCheck
// and in SurveyJS 2.5, the form library a site would otherwise use, side by
// side in the same run (see surveyjs.mjs).
import { serve } from './server.mjs';
import { launch, PHONE } from './browser.mjs';
import { say } from './questionnaire.mjs';
import { surveyPage } from './surveyjs.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NETWORKS = {
  loopback: null,
  'slow 4G (9 Mbit/s, 170 ms)': { offline: false, latency: 170, downloadThroughput: (9e6 / 8), uploadThroughput: (3e6 / 8) },
};

const server = await serve();
const browser = await launch();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A fresh phone: no cache, no service worker, the CPU slowed 4x, and the network given. */
async function phone(network) {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  return { context, page };
}
console.log(`first screen and first question, median of ${RUNS} runs, CPU slowed 4x:`);
for (const [name, network] of Object.entries(NETWORKS)) {
  const welcome = [];
  const question = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await phone(network);
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

// The first form a parent sees (`?mode=child`: no welcome, no tap), against
// the same four questions, with the same words, drawn by SurveyJS. Both
// served gzipped, as a host serves them.
const zipped = await serve(undefined, { gzip: true });
const survey = surveyPage();
const rival = await serve(survey.dir, { gzip: true });
const firstQuestion = async (url, question, network) => {
  const { context, page } = await phone(network);
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(question).first().waitFor();
  const took = Date.now() - start;
  await context.close();
  return took;
};
console.log(`the first form ("About your child", 4 questions) from the page's start, median of ${RUNS} runs, CPU slowed 4x, gzip:`);
for (const [name, network] of Object.entries(NETWORKS)) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await firstQuestion(`${zipped.url}/?mode=child`, '[data-question-id="date_of_birth"]', network));
    theirs.push(await firstQuestion(rival.url, survey.question, network));
  }
  const [a, b] = [median(ours), median(theirs)];
  console.log(`  ${name.padEnd(28)} TrialCheck ${String(a).padStart(5)} ms   SurveyJS ${survey.version} ${String(b).padStart(5)} ms   ratio ${(a / b).toFixed(2)} (target 0.4)`);
}
survey.remove();
await rival.close();
await zipped.close();
await browser.close();
await server.close();
