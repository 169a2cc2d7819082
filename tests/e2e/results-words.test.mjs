// The results read as what they are. A woman who answered No to HIV does not
// read "Met: HIV infection": an exclusion that does not apply is listed under
// "None of these apply", in her language, each count said once. A clinician
// is spoken to as a clinician, on screen and in the print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, answerAll, say } from './questionnaire.mjs';
import { PARENT_ANYWHERE, WOMAN } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function results(p, lang) {
  await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-results'), exact: true }).click();
  await p.locator('.tc-results').waitFor();
}

/** The message without its `{count}`, as the start of a fold's title. */
const head = (lang, id) => say(lang, id).split('{count}')[0].replace(/[（(]\s*$/, '').trim();

test('an exclusion she answered No to reads as one that does not apply, never as "met"', async () => {
  const p = await watchedPage(browser, PHONE);
  await start(p, server.url, 'myself');
  await answerAll(p, WOMAN, 'myself');
  await results(p, 'en');
  // Folded lists included: their words as written.
  const words = (selector) => p.locator(selector).evaluateAll((all) => all.map((e) => e.textContent).join('\n'));
  const met = await words('.tc-results .tc-met li');
  const absent = await words('.tc-results .tc-absent li');
  assert.ok(/HIV/.test(absent), absent);
  assert.ok(!/HIV|transplant|CAR-T cell therapy or gene therapy before/i.test(met), met);
  assert.deepEqual(p.errors, []);
  await p.close();
});

for (const lang of ['vi', 'zh']) {
  test(`in ${lang} the folds say their count once, and exclusions that do not apply are apart`, async () => {
    const p = await watchedPage(browser, PHONE);
    await start(p, server.url, 'child', lang);
    await answerAll(p, PARENT_ANYWHERE, 'child', undefined, lang);
    await results(p, lang);
    const summaries = (selector) => p.locator(selector).evaluateAll((all) => all.map((e) => e.textContent));
    const titles = await summaries('.tc-results .tc-criteria > summary');
    for (const t of titles) assert.ok((t.match(/\d+/g) ?? []).length <= 1, `a count said twice: ${t}`);
    const absent = await summaries('.tc-results .tc-absent > summary');
    assert.ok(absent.length > 0 && absent.every((t) => t.startsWith(head(lang, 'card-absent'))), absent.join(' | '));
    const card = p.locator('.tc-results [data-trial-id]').filter({ has: p.locator('.tc-absent') }).first();
    await card.locator('.tc-absent > summary').click();
    await card.screenshot({ path: `${ARTIFACTS}absent-${lang}.png` });
    assert.deepEqual(p.errors, []);
    await p.close();
  });
}

test('a clinician reads "this patient" on the results and in the print, never "you"', async () => {
  const p = await watchedPage(browser, PHONE);
  await start(p, server.url, 'clinician');
  await answerAll(p, WOMAN, 'clinician');
  await results(p, 'en');
  assert.equal(await p.locator('h1').innerText(), say('en', 'app-title-clinician'));
  const screen = await p.locator('.tc-results').innerText();
  const spoken = screen.split('\n').filter((line) => /\byou\b|\byour\b/i.test(line));
  assert.deepEqual(spoken, []);
  await p.emulateMedia({ media: 'print' });
  assert.match(await p.locator('.tc-print-summary').innerText(), new RegExp(say('en', 'print-note-clinician')));
  assert.deepEqual(p.errors, []);
  await p.close();
});
