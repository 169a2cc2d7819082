// A patient opens TrialCheck once at the clinic, then uses it at home with
// no connection; a new deployment shows on the next load, never half of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from './server.mjs';
import { launch, PHONE } from './browser.mjs';
import { answer, ago, say, verdict } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function installed(context) {
  const p = await context.newPage();
  await p.goto(server.url);
  await p.locator('.tc-mode').first().waitFor();
  // The service worker has cached this build once it is active.
  await p.evaluate(() => navigator.serviceWorker.ready);
  return p;
}

test('after one visit, the app loads and completes a screening with the network off', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const p = await installed(context);
  await context.setOffline(true);
  const before = server.requests.length;
  await p.reload();
  // The network really is off: what was never cached cannot be had.
  assert.equal(await p.evaluate(() => fetch('never-cached.txt').then(() => 'fetched', () => 'failed')), 'failed');
  await p.getByRole('button', { name: 'I am answering for my child' }).click();
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await p.locator('[data-trial-id="NCT07432334"][data-verdict="ineligible"]').waitFor();
  assert.equal(await verdict(p, 'NCT06904729'), 'undecided');
  // Another language, never shown before: its words and its trials' words come from the cache too.
  await p.getByLabel('Language').selectOption('zh');
  await p.getByLabel(say('zh', 'language-label')).waitFor();
  await p.locator('[data-trial-id="NCT07432334"]').first().getByText('16 至 55 岁。').waitFor({ state: 'attached' });
  assert.equal(await verdict(p, 'NCT07432334'), 'ineligible', 'the answers stay');
  assert.equal(server.requests.length, before, 'nothing reached the server while offline');
  await context.close();
});

test('a new deployment is picked up on the next load, with all its files from the same build', async () => {
  // The "new deployment": the same build with a changed page, its service worker regenerated.
  const next = mkdtempSync(join(tmpdir(), 'trialcheck-deploy-'));
  cpSync(DIST, next, { recursive: true });
  const page = join(next, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<title>TrialCheck: CAR-T lupus trials</title>', '<title>TrialCheck (new version)</title>'));
  execFileSync('node', [new URL('../../scripts/post-build.mjs', import.meta.url).pathname, next]);
  const oldVersion = readFileSync(join(DIST, 'sw.js'), 'utf8').match(/const VERSION = '(\w+)'/)[1];
  const newVersion = readFileSync(join(next, 'sw.js'), 'utf8').match(/const VERSION = '(\w+)'/)[1];
  assert.notEqual(oldVersion, newVersion);

  const context = await browser.newContext({ viewport: PHONE });
  const p = await installed(context);
  assert.equal(await p.title(), 'TrialCheck: CAR-T lupus trials');
  server.deploy(next);
  try {
    await p.reload();
    await p.locator('.tc-mode').first().waitFor();
    assert.equal(await p.title(), 'TrialCheck (new version)');
    // Everything the page runs on came from one build: the loader it names.
    const loader = await p.evaluate(() => document.querySelector('script[type="module"]').getAttribute('src'));
    const expected = readFileSync(join(next, 'index.html'), 'utf8').match(/src="?(trialcheck-\w+\.js)/)[1];
    assert.equal(loader, expected);
    assert.equal(await p.evaluate(() => window.TrialCheck.version.length), 16);
  } finally {
    server.deploy(DIST);
    await context.close();
  }
});
