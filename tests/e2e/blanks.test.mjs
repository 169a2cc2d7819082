// A blank is never an answer. The mother of the ten-year-old and the woman of
// 32 leave blank every item of a list that they cannot know, and press the
// list's main button, whichever the screen offers. Their verdicts end as if
// they had said "I don't know" to those items: no "No" was written for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, answerAll, ago, say, BLANK } from './questionnaire.mjs';
import { PARENT, WOMAN } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The test results a family rarely has at hand: on a list where a "No" could rule out.
const TESTS = ['ana_at_least_1_80', 'ana_positive_other_test', 'cd19_b_cells_positive', 'ecg_normal', 'growth_factor_last_2_weeks'];


/** Every trial's verdict on the results screen, by trial id. */
async function verdicts(p) {
  await p.getByRole('navigation').getByRole('button', { name: say('en', 'nav-results'), exact: true }).click();
  await p.locator('.tc-results').waitFor();
  return Object.fromEntries(await p.locator('.tc-results [data-trial-id]').evaluateAll(
    (cards) => cards.map((c) => [c.dataset.trialId, c.dataset.verdict]),
  ));
}

/** Walks `script` with the test items either left blank or said "not sure". */
async function walk(mode, script, blank, shot) {
  const p = await watchedPage(browser, PHONE);
  await start(p, server.url, mode);
  const leave = Object.fromEntries(TESTS.map((t) => [t, blank ? BLANK : undefined]));
  let shown = false;
  const asked = await answerAll(p, { ...script, ...leave }, mode, async (page, id) => {
    // The tests list: its main button asks the blanks again later; it never says they are No.
    if (id === 'checklist' && shot && !shown && await page.locator('[data-list="tests"]').count()) {
      shown = true;
      assert.equal(await page.getByRole('button', { name: say('en', 'checklist-none'), exact: true }).count(), 0);
      await page.screenshot({ path: `${ARTIFACTS}${shot}`, fullPage: true });
    }
  });
  const result = await verdicts(p);
  assert.deepEqual(p.errors, []);
  await p.close();
  return { asked, result };
}

for (const [who, mode, script] of [['the mother of the ten-year-old', 'child', PARENT], ['the woman of 32', 'myself', WOMAN]]) {
  test(`${who}, leaving the test items blank, gets the verdicts of "I don't know"`, async () => {
    const blank = await walk(mode, script, true, `blanks-${mode}-tests-list.png`);
    const notSure = await walk(mode, script, false);
    assert.deepEqual(blank.result, notSure.result);
    // The blank items came back one by one (asked again, each answered "don't know").
    assert.ok(TESTS.some((t) => blank.asked.includes(t)), blank.asked.join(', '));
    // And no trial that "not sure" leaves open is turned away.
    for (const [trial, v] of Object.entries(blank.result)) {
      if (notSure.result[trial] !== 'ineligible') assert.notEqual(v, 'ineligible', trial);
    }
  });
}
