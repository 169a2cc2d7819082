// A wait is "not yet", with the day: a girl eighteen days short of 18, her
// answers given in Vietnamese, reads from when she may qualify for an adult
// trial; dialysis last month leaves a trial open for the study team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, answerAll, say, axeViolations } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The day `days` from today, `years` back, as YYYY-MM-DD. */
function shifted(days, years) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setFullYear(d.getFullYear() - years);
  return d.toISOString().slice(0, 10);
}

test('eighteen days short of 18, in Vietnamese: "not yet", from her birthday', async () => {
  const p = await watchedPage(browser, { width: 390, height: 844 });
  await start(p, server.url, 'myself', 'vi');
  const born = shifted(18, 18);
  await answerAll(p, {
    date_of_birth: { fill: born }, sex: { option: 'female' }, pregnant: { no: true }, breastfeeding: { no: true },
    sle_diagnosed: { yes: true }, lupus_still_active: { yes: true }, dialysis_last_3_months: { yes: true }, lab_report: { no: true },
  }, 'myself', async () => {}, 'vi');
  await p.getByRole('navigation').getByRole('button', { name: say('vi', 'nav-results'), exact: true }).click();
  const card = p.locator('.tc-results [data-trial-id="NCT05765006"]');
  assert.equal(await card.getAttribute('data-verdict'), 'not_yet');
  // 18 on her birthday this year, in the Vietnamese order of a date.
  const [y, m, d] = shifted(18, 0).split('-');
  const words = say('vi', 'verdict-not_yet-age').replace('{date}', `${d}/${m}/${y}`).replace('{age}', '18');
  assert.equal(await card.locator('.tc-verdict strong').innerText(), words);
  assert.match(await p.locator('[data-summary]').innerText(), new RegExp(say('vi', 'results-summary-not-yet').replace('{count}', '\\d+')));
  // Dialysis last month: a wait whose end the study team knows, never "does not qualify".
  const hangzhou = p.locator('.tc-results [data-trial-id="NCT07233642"]');
  assert.equal(await hangzhou.getAttribute('data-verdict'), 'undecided');
  assert.ok((await hangzhou.textContent()).includes(say('vi', 'note-wait')));
  await card.scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${ARTIFACTS}not-yet-vi-phone.png` });
  assert.deepEqual(await axeViolations(p), []);
  assert.deepEqual(p.errors, []);
});
