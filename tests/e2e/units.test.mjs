// A clinician in Hanoi types bilirubin 12 from a report. Left in mg/dL (not
// the report's µmol/L), it would rule the patient out of trials: TrialCheck
// says it back before it counts. Confirmed, it counts; changed to µmol/L, it
// counts at once. Units read as reports print them (µmol/L, not umol/L).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, ARTIFACTS } from './browser.mjs';
import { start, answerAll, say } from './questionnaire.mjs';
import { WOMAN_ANYWHERE as WOMAN } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE_390 = { width: 390, height: 844 };


for (const [lang, keep] of [['vi', true], ['zh', false]]) {
  test(`bilirubin 12 in mg/dL is said back before it counts; ${keep ? 'confirmed' : 'changed to µmol/L'} (${lang})`, async () => {
    const p = await watchedPage(browser, PHONE_390);
    await start(p, server.url, 'clinician', lang);
    await answerAll(p, WOMAN, 'clinician', undefined, lang, { stopAt: 'lab_panel' });
    const row = p.locator('[data-lab-id="bilirubin"]');
    // The units as a report prints them; the report's unit first in Vietnam and China.
    const units = await row.locator('select option').allInnerTexts();
    assert.deepEqual(units, ['µmol/L', 'mg/dL']);
    await row.locator('input').fill('12');
    await row.locator('select').selectOption('mg/dL');
    await p.getByRole('button', { name: say(lang, 'lab-panel-save') }).click();
    const alert = row.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes('12 µmol/L'), await alert.innerText());
    await p.screenshot({ path: `${ARTIFACTS}unit-said-back-${lang}.png`, fullPage: true });
    if (keep) {
      await row.getByRole('button', { name: say(lang, 'confirm-unit').replace('{value}', '12').replace('{unit}', 'mg/dL') }).click();
    } else {
      await row.locator('select').selectOption('umol/L');
      await p.getByRole('button', { name: say(lang, 'lab-panel-save') }).click();
    }
    await p.locator('[data-question-id="lab_panel"]').waitFor({ state: 'detached' });
    await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-review'), exact: true }).click();
    const given = await p.locator('[data-answer-id="bilirubin"] dd').innerText();
    assert.ok(given.startsWith(keep ? '12 mg/dL' : '12 µmol/L'), given);
    assert.deepEqual(p.errors, []);
    await p.close();
  });
}
