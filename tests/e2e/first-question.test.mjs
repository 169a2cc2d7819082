// A visitor opens TrialCheck, answers the first question, and sees a verdict change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, watchedPage, PHONE, ARTIFACTS } from './browser.mjs';
import { start, shown, verdict, ago, say } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the first question is the date of birth, and answering it rules out the adult trial for a child', async () => {
  const page = await browser.newPage({ viewport: PHONE });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await start(page, server.url, 'child');
  assert.equal(await shown(page), 'date_of_birth');
  assert.equal(await verdict(page, 'NCT07432334'), 'undecided');

  await page.locator('[data-question-id="date_of_birth"] input').fill(ago({ years: 10 }));
  await page.getByRole('button', { name: 'Next' }).click();

  await page.locator('[data-trial-id="NCT07432334"][data-verdict="ineligible"]').waitFor();
  assert.match(await page.locator('[data-trial-id="NCT07432334"] .tc-not-met').innerText(), /Aged 16 to 55/);
  // The child's age keeps the children's trial open, and the next question comes.
  assert.equal(await verdict(page, 'NCT06904729'), 'undecided');
  assert.equal(await shown(page), 'sex');
  await page.screenshot({ path: `${ARTIFACTS}first-question-answered-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
});

test('an impossible date of birth is refused with a message, and nothing changes', async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await start(page, server.url, 'myself');
  await page.locator('[data-question-id="date_of_birth"] input').fill('1700-01-01');
  await page.getByRole('button', { name: 'Next' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'too long ago' }).waitFor());
  assert.equal(await shown(page), 'date_of_birth');
  assert.equal(await verdict(page, 'NCT07432334'), 'undecided');
});

test('before the app is ready its header and welcome are there, in the page\'s language, and the app\'s own take their place without a jump', async () => {
  const p = await watchedPage(browser, PHONE);
  // A slow network: the wasm arrives only when the test lets it.
  let release;
  const gate = new Promise((r) => { release = r; });
  await p.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  await p.goto(`${server.url}/?lang=vi`);
  const heading = p.locator('h1:visible');
  await heading.waitFor();
  assert.equal(await heading.innerText(), say('vi', 'app-title'));
  assert.equal(await p.locator('.tc-mode').count(), 0, 'the app itself is not there yet');
  // The welcome's own words are there too, where the app will put them.
  const welcome = p.locator('h2:visible');
  assert.equal(await welcome.innerText(), say('vi', 'welcome-who'));
  const text = p.locator('.tc-welcome p:visible');
  assert.equal(await text.innerText(), say('vi', 'welcome-what'));
  const before = await heading.boundingBox();
  const welcomeBefore = await text.boundingBox();
  await p.screenshot({ path: `${ARTIFACTS}preview-phone.png` });
  release();
  await p.locator('.tc-mode').first().waitFor();
  assert.equal(await p.locator('h1:visible').count(), 1, 'one header, the app\'s');
  // And only one in the document: the preview goes once the app has drawn.
  await p.waitForFunction(() => document.querySelectorAll('h1').length === 1);
  assert.equal(await p.locator('[data-preview]').count(), 0);
  const after = await p.locator('h1:visible').boundingBox();
  assert.deepEqual([Math.round(after.y), Math.round(after.height)], [Math.round(before.y), Math.round(before.height)]);
  const welcomeAfter = await p.locator('.tc-welcome p:visible').boundingBox();
  assert.deepEqual([Math.round(welcomeAfter.y), Math.round(welcomeAfter.height)], [Math.round(welcomeBefore.y), Math.round(welcomeBefore.height)]);
  assert.deepEqual(p.errors, []);
});

test('the welcome says how many trials the check covers and in which countries, from the catalog', async () => {
  const p = await watchedPage(browser, PHONE);
  await p.goto(server.url);
  await p.locator('.tc-mode').first().waitFor();
  const all = await p.locator('.tc-promises li').last().innerText();
  const shipped = readdirSync(new URL('../../catalog/trials/', import.meta.url)).filter((f) => f.endsWith('.toml')).length;
  assert.match(all, new RegExp(`Trials in this check: ${shipped}\\.`));
  // Countries by name, in the reader's order, not by code.
  const where = all.split('Where: ')[1].replace(/\.$/, '').split(', ');
  for (const country of ['China', 'Vietnam', 'United States', 'Thailand']) assert.ok(where.includes(country), all);
  assert.deepEqual(where, [...where].sort(), all);
  // A site that shows three trials: only theirs, and only their countries.
  await p.goto(`${server.url}/embed-demo.html`);
  const first = p.locator('trial-check').first();
  await first.locator('.tc-mode').first().waitFor();
  const three = await first.locator('.tc-promises li').last().innerText();
  assert.equal(three, say('en', 'welcome-trials').replace('{count}', '3').replace('{countries}', 'China, Vietnam'));
  assert.deepEqual(p.errors, []);
});

test('the page is not pulled to a heading on load; after a click, as a screen reader makes it, the next screen takes the focus', async () => {
  const p = await watchedPage(browser, PHONE);
  await p.goto(server.url);
  await p.locator('.tc-mode').first().waitFor();
  assert.equal(await p.evaluate(() => document.activeElement === document.body), true, 'nothing focused on load');
  // A screen reader activates a button with a click alone: no pointer or key event before it.
  await p.evaluate(() => document.querySelector('.tc-mode').click());
  await p.locator('form[data-form]').waitFor();
  await p.waitForFunction(() => document.activeElement?.id === 'tc-form-title');
  assert.deepEqual(p.errors, []);
});
