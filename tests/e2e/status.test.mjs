// A family in Hanoi, one in Guangzhou and one in Boston look at the results
// before answering anything. Trials that take no one now come last, apart,
// under "Not recruiting now", each saying its status and as of when, in
// their language; none of them sits among the trials a person may join.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, say } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KYSA_1 = 'NCT05938725';
// KYSA-1's status, as its source dates it, in each language's order.
const AS_OF = { en: '2025-10-29', vi: '29/10/2025', zh: '2025年10月29日' };
const OPEN = ['recruiting', 'not_yet_recruiting', 'enrolling_by_invitation', 'unknown'];

for (const lang of ['en', 'vi', 'zh']) {
  test(`trials not recruiting are listed apart, last, with their status and its date (${lang})`, async () => {
    const p = await watchedPage(browser, PHONE);
    await start(p, server.url, 'myself', lang);
    await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-results'), exact: true }).click();
    await p.locator('.tc-results').waitFor();
    const groups = await p.locator('.tc-results [data-group]').evaluateAll((gs) => gs.map((g) => g.dataset.group));
    assert.equal(groups.at(-1), 'closed', `the closed group comes last: ${groups}`);
    const closed = p.locator('.tc-results [data-group="closed"]');
    assert.equal(await closed.locator('.tc-group-title').innerText(), say(lang, 'results-closed'));
    const status = await closed.locator(`[data-trial-id="${KYSA_1}"] .tc-status`).innerText();
    assert.ok(status.includes(say(lang, 'recruitment-active_not_recruiting')), status);
    assert.ok(status.includes(AS_OF[lang]), status);
    // Every trial among those she may join says a status that takes people (or may: unknown).
    const openWords = OPEN.map((s) => say(lang, `recruitment-${s}`));
    for (const line of await p.locator('.tc-results [data-group="far"] .tc-status, .tc-results [data-group="near"] .tc-status').allInnerTexts()) {
      assert.ok(openWords.some((w) => line.startsWith(w)), `${lang}: "${line}" among the trials she may join`);
    }
    for (const line of await closed.locator('.tc-status').allInnerTexts()) {
      assert.ok(!openWords.some((w) => line.startsWith(w)), `${lang}: "${line}" among the closed`);
    }
    await closed.screenshot({ path: `${ARTIFACTS}status-closed-${lang}.png` });
    assert.deepEqual(p.errors, []);
    await p.close();
  });
}
