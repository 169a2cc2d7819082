// People using TrialCheck on the release build, told as their stories.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, DESKTOP, ARTIFACTS } from './browser.mjs';
import { start, answerAll, answer, shown, verdict, openRuledOut, ago, axeViolations, noSidewaysScroll } from './questionnaire.mjs';
import { PARENT } from './people.mjs';

const GUANGZHOU = 'NCT06904729';
const HANGZHOU = 'NCT07233642';
const HANOI = 'NCT07432334';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const page = (viewport = PHONE) => watchedPage(browser, viewport);

test('a parent of a 10-year-old with class IV nephritis finishes, and sees why Hanoi is not for her child', async () => {
  const p = await page();
  await start(p, server.url, 'child');
  const asked = await answerAll(p, PARENT, 'child');
  assert.equal(asked[0], 'date_of_birth');
  assert.ok(!asked.includes('creatinine'), 'no lab value is asked one by one without a report');
  // Without a lab report the liver, kidney and blood limits stay open for the doctor;
  // no ANA result leaves the classification open too: not decided, never ruled out.
  assert.equal(await verdict(p, GUANGZHOU), 'undecided');
  assert.equal(await verdict(p, HANGZHOU), 'undecided');
  assert.equal(await verdict(p, HANOI), 'ineligible');
  const hanoi = p.locator(`[data-trial-id="${HANOI}"]`).first();
  assert.match(await hanoi.locator('.tc-not-met').innerText(), /Aged 16 to 55/);
  await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
  await p.locator('.tc-results').waitFor();
  await p.screenshot({ path: `${ARTIFACTS}parent-results-phone.png`, fullPage: true });
  // Printing for the doctor: the summary first; asked for everything, every fold opens,
  // so the paper shows each reason and the trial's own words.
  assert.ok(await p.locator('.tc-results details:not([open])').count() > 0);
  await p.emulateMedia({ media: 'print' });
  assert.ok(await p.locator('.tc-print-summary').isVisible());
  assert.equal(await p.locator(`.tc-results [data-trial-id="${GUANGZHOU}"]`).first().isVisible(), false);
  await p.emulateMedia({ media: 'screen' });
  await p.evaluate(() => { window.print = () => {}; });
  await p.getByRole('button', { name: 'Print everything (every criterion)' }).click();
  await p.locator('.tc-results.tc-print-all').waitFor({ state: 'attached' });
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.tc-results details:not([open])').count(), 0);
  // A ruled-out trial prints on one line: its title and the criterion not met, not its card.
  const hanoiLine = p.locator(`.tc-results [data-trial-line="${HANOI}"]`);
  assert.ok(await hanoiLine.locator('.tc-why').isVisible());
  assert.match(await hanoiLine.locator('.tc-why').innerText(), /Aged 16 to 55/);
  assert.equal(await hanoiLine.locator('.tc-card').isVisible(), false);
  // Trials still possible print in full, with the trial's own words.
  assert.ok(await p.locator(`.tc-results [data-trial-id="${GUANGZHOU}"] blockquote`).first().isVisible());
  assert.ok(await p.locator('.tc-review', { hasText: 'What is your child\'s date of birth?' }).first().isVisible());
  await p.screenshot({ path: `${ARTIFACTS}parent-print.png`, fullPage: true });
  assert.deepEqual(p.errors, []);
});

test('a mother ticks the two signs she remembers: the trial stays open until she says the list is complete', async () => {
  const p = await page();
  await start(p, server.url, 'child');
  const { biopsy_date, biopsy_class, ...rest } = PARENT;
  const mother = { ...rest, ana_at_least_1_80: 'Yes', biopsy_done: 'No', eular_acr_items: { check: ['fever', 'oral_ulcers'] } };
  const asked = await answerAll(p, mother, 'child');
  assert.ok(asked.includes('eular_acr_items'));
  // Fever and mouth ulcers make 4 points of the 10 needed; what she did not tick is not known.
  assert.equal(await verdict(p, HANGZHOU), 'undecided');
  const results = async () => {
    await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
    return p.locator(`.tc-results [data-trial-id="${HANGZHOU}"]`);
  };
  const open = (await results()).locator('.tc-open-doctor');
  await open.locator(':scope > summary').click();
  assert.match(await open.innerText(), /2019 EULAR\/ACR/);
  // She checks the doctor's records: nothing else applies. Now the list decides.
  await p.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
  await p.locator('[data-answer-id="eular_acr_items"] button').click();
  await answer(p, 'eular_acr_items', { check: [], complete: true }, 'child');
  await results();
  // Ruled out now: folded with the others, its reason on its one line, its card inside.
  assert.match(await p.locator(`[data-trial-line="${HANGZHOU}"] .tc-why`).innerText(), /2019 EULAR\/ACR/);
  const card = await openRuledOut(p, HANGZHOU);
  assert.equal(await card.getAttribute('data-verdict'), 'ineligible');
  assert.match(await card.locator('.tc-not-met').innerText(), /2019 EULAR\/ACR/);
  assert.deepEqual(p.errors, []);
});

test('a 40-year-old who knows no lab value is never ruled out because of a lab', async () => {
  const p = await page();
  await start(p, server.url, 'myself');
  await answerAll(p, {
    date_of_birth: { fill: ago({ years: 40, months: 1 }) },
    sex: 'Male',
    sle_diagnosed: 'Yes',
    lupus_still_active: 'Yes',
    lab_report: 'Yes',
    lab_panel: {},
  }, 'myself');
  const reasons = [];
  for (const trial of [GUANGZHOU, HANGZHOU, HANOI]) {
    const card = p.locator(`[data-trial-id="${trial}"]`).first();
    if (await card.locator('.tc-not-met li').count()) reasons.push(...(await card.locator('.tc-not-met li').allInnerTexts()));
  }
  // Only the children's trial rules him out, and only for his age.
  assert.equal(reasons.length, 1, reasons.join('\n'));
  assert.match(reasons[0], /Aged 6 to 18/);
  assert.equal(await verdict(p, HANOI), 'undecided');
  assert.equal(await verdict(p, HANGZHOU), 'undecided');
});

test('a clinician enters a full lab panel in mixed units and gets decided verdicts', async () => {
  const p = await page(DESKTOP);
  await start(p, server.url, 'clinician');
  await answerAll(p, {
    date_of_birth: { fill: ago({ years: 32, months: 7 }) },
    sex: 'Female', pregnant: 'No', daily_activity: 'Can do light activity or school work, not hard physical activity',
    sle_diagnosed: 'Yes', ana_at_least_1_80: 'Yes',
    eular_acr_items: { check: ['joint_involvement', 'anti_dsdna_or_anti_sm', 'low_c3_and_low_c4'] },
    sledai_score: { fill: '18' },
    sledai_items: { check: ['Arthritis (2 or more joints)', 'Protein in the urine (more than 0.5 g a day)', 'Blood in the urine (more than 5 red cells per high-power field)', 'Low complement (C3, C4 or CH50)', 'Raised anti-dsDNA', 'Lupus rash'] },
    cns_lupus_last_60_days: 'No',
    lupus_medicines: { medicines: [
      { name: 'Steroids (prednisone, prednisolone, methylprednisolone)', months: 36 },
      { name: 'Hydroxychloroquine (Plaquenil)', months: 36 },
      { name: 'Mycophenolate (CellCept, Myfortic)', months: 14 },
      { name: 'Tacrolimus', months: 8 },
    ] },
    high_dose_steroid_3_months: 'Yes', lupus_still_active: 'Yes', growth_factor_last_2_weeks: 'No', prior_car_t: 'No',
    dialysis_last_3_months: 'No', ecg_normal: 'Yes', serious_lung_disease: 'No', heart_failure_or_arrhythmia: 'No',
    lab_panel: {
      creatinine: ['71', 'umol/L'], neutrophils: ['2500', '/uL'], lymphocytes: ['0,9', 'x10^9/L'],
      alt: ['25', 'U/L'], alt_uln: ['35', 'U/L'], ast: ['22', 'U/L'], ast_uln: ['35', 'U/L'],
      bilirubin: ['0.6', 'mg/dL'], bilirubin_uln: ['21', 'umol/L'],
      lvef: ['62', '%'], spo2: ['97', '%'], fvc_percent: ['85', '%'],
    },
  }, 'clinician', async (pg, id) => {
    if (id === 'lab_panel') await pg.screenshot({ path: `${ARTIFACTS}clinician-lab-panel-desktop.png`, fullPage: true });
  });
  assert.equal(await verdict(p, HANOI), 'eligible');
  assert.equal(await verdict(p, HANGZHOU), 'eligible');
  assert.equal(await verdict(p, GUANGZHOU), 'ineligible');
  // Each verdict shows the values it computed: her eGFR by CKD-EPI 2021, the SLEDAI-2K the doctor gave.
  await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
  const hangzhou = await p.locator(`.tc-results [data-trial-id="${HANGZHOU}"]`).textContent();
  assert.match(hangzhou, /eGFR \(Schwartz under 18, CKD-EPI 2021 from 18\): \d+(\.\d)? mL\/min\/1\.73 m²/);
  assert.match(hangzhou, /SLEDAI-2K: 18/);
  // Whom to ask is on the card itself, not only inside "About this trial".
  const next = p.locator(`.tc-results [data-trial-id="${HANGZHOU}"] .tc-next-step`);
  assert.ok(await next.isVisible());
  assert.match(await next.innerText(), /Jianhua Mao/);
  // And the answers can be saved from the results.
  await p.getByRole('button', { name: 'Save the answers as a file' }).click();
  await p.getByRole('button', { name: 'Save answers as a file' }).waitFor();
  await p.screenshot({ path: `${ARTIFACTS}clinician-done-desktop.png`, fullPage: true });
});

test('going back and changing the date of birth changes a verdict', async () => {
  const p = await page();
  await start(p, server.url, 'myself');
  await answer(p, 'date_of_birth', { fill: ago({ years: 40 }) });
  await p.locator('[data-question-id="sex"]').waitFor();
  assert.equal(await verdict(p, GUANGZHOU), 'ineligible');
  await p.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await shown(p), 'date_of_birth');
  // The earlier answer is there to change.
  assert.equal(await p.locator('[data-question-id="date_of_birth"] input').inputValue(), ago({ years: 40 }));
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await p.locator('[data-question-id="sex"]').waitFor();
  assert.equal(await verdict(p, GUANGZHOU), 'undecided');
  assert.equal(await verdict(p, HANOI), 'ineligible');
  // The same through the review of all answers.
  await p.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
  await p.getByRole('button', { name: /Change the answer to: What is your date of birth/ }).click();
  await answer(p, 'date_of_birth', { fill: ago({ years: 30 }) });
  await p.locator('[data-question-id="sex"]').waitFor();
  assert.equal(await verdict(p, HANOI), 'undecided');
});

test('every unit list starts at the first unit a lab report usually uses, never at a random one', async () => {
  const p = await page(DESKTOP);
  await start(p, server.url, 'clinician');
  await answerAll(p, { date_of_birth: { fill: ago({ years: 30 }) } }, 'clinician', undefined, 'en', { stopAt: 'lab_panel' });
  const chosen = await p.locator('[data-lab-id] select').evaluateAll((all) => all.map((s) => [s.name, s.value, s.options[0].value]));
  for (const [name, value, first] of chosen) assert.equal(value, first, name);
  assert.ok(chosen.length > 5);
  // And a single question: the height in centimetres, not metres.
  const q = await page(PHONE);
  await start(q, server.url, 'myself');
  await answer(q, 'date_of_birth', { fill: ago({ years: 10 }) });
  await answer(q, 'sex', 'Male');
  await q.locator('[data-question-id="height"]').waitFor();
  assert.equal(await q.locator('[data-question-id="height"] select').inputValue(), 'cm');
});

test('impossible lab values are all said at their fields, the first takes the focus, and the good ones stay', async () => {
  const p = await page();
  await start(p, server.url, 'clinician');
  const lab_panel = { creatinine: ['0', 'mg/dL'], alt: ['25', 'U/L'], wbc: ['abc', 'x10^9/L'] };
  await assert.rejects(
    answerAll(p, { date_of_birth: { fill: ago({ years: 30 }) }, lab_panel }, 'clinician'),
    /lab_panel was refused: .*not possible/,
  );
  const row = (id) => p.locator(`[data-lab-id="${id}"]`);
  assert.match(await row('creatinine').getByRole('alert').innerText(), /not possible/);
  assert.equal(await row('wbc').getByRole('alert').count(), 1, 'every refused value is said, not only the first');
  assert.equal(await row('alt').getByRole('alert').count(), 0);
  assert.equal(await row('alt').locator('input').inputValue(), '25', 'a good value is kept');
  assert.equal(await p.evaluate(() => document.activeElement?.name), 'value-creatinine', 'the first to fix has the focus');
  assert.equal(await shown(p), 'lab_panel');
  await p.screenshot({ path: `${ARTIFACTS}lab-panel-errors-phone.png`, fullPage: true });
});

test('every screen passes axe-core, and screenshots are kept at phone and desktop widths', async () => {
  for (const [width, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const p = await page(viewport);
    const audit = async (name) => {
      assert.deepEqual(await axeViolations(p), [], `axe on ${name} (${width})`);
      assert.deepEqual(await noSidewaysScroll(p), [], `sideways scroll on ${name}`);
      await p.screenshot({ path: `${ARTIFACTS}${name}-${width}.png`, fullPage: true });
    };
    await p.goto(server.url);
    await p.locator('.tc-mode').first().waitFor();
    await audit('welcome');
    await p.getByRole('button', { name: 'I am answering for my child' }).click();
    const seen = new Set();
    await answerAll(p, { ...PARENT, lab_report: 'Yes', lab_panel: { creatinine: ['0.6', 'mg/dL'] } }, 'child', async (pg, id) => {
      const kind = ['date_of_birth', 'sex', 'height', 'lupus_medicines', 'biopsy_class', 'eular_acr_items', 'checklist', 'lab_report', 'lab_panel', 'sle_diagnosed'].includes(id) ? id : null;
      if (kind && !seen.has(kind)) {
        seen.add(kind);
        if (id === 'lupus_medicines') await pg.getByLabel('Tacrolimus', { exact: true }).check();
        await audit(`question-${kind}`);
        if (id === 'lupus_medicines') await pg.getByLabel('Tacrolimus', { exact: true }).uncheck();
      }
    });
    await audit('questions-done');
    await p.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
    await p.locator('.tc-review').waitFor();
    await audit('review');
    await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
    await p.locator('.tc-results').waitFor();
    await p.locator('.tc-card details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    await audit('results');
    await p.emulateMedia({ media: 'print' });
    await p.screenshot({ path: `${ARTIFACTS}print-${width}.png`, fullPage: true });
    assert.deepEqual(p.errors, []);
  }
});

test('a clinician reads lab values from the clinic system\'s FHIR file, on the device', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const p = await page(DESKTOP);
  await start(p, server.url, 'clinician');
  await answer(p, 'date_of_birth', { fill: ago({ years: 30 }) }, 'clinician');
  await p.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
  const observation = (code, value, unit) => ({ resource: { resourceType: 'Observation', status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] }, valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } } });
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: [observation('14682-9', 71, 'umol/L'), observation('2345-7', 90, 'mg/dL')] };
  const path = join(mkdtempSync(join(tmpdir(), 'trialcheck-fhir-')), 'labs.json');
  writeFileSync(path, JSON.stringify(bundle));
  await p.getByLabel(/Read lab values from the clinic's system/).setInputFiles(path);
  await p.getByRole('status').filter({ hasText: 'Lab values read: 1.' }).waitFor();
  assert.match(await p.getByRole('status').filter({ hasText: 'Lab values read' }).innerText(), /Not used: .*not a test TrialCheck asks about/);
  assert.match(await p.locator('[data-answer-id="creatinine"]').innerText(), /71 µmol\/L/);
  assert.deepEqual(p.errors, []);
});

test('the command line\'s `next` shows what the app shows, screen by screen', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const cli = new URL('../../target/debug/trialcheck', import.meta.url).pathname;
  assert.ok(existsSync(cli), 'the native tests build target/debug/trialcheck first');
  const dir = mkdtempSync(join(tmpdir(), 'trialcheck-next-'));
  const p = await page();
  await start(p, server.url, 'child');
  // The same answers as the parent's, with every item of the list of rare exclusions known.
  const script = { ...PARENT, cns_lupus_last_60_days: 'No', congenital_immunodeficiency: 'No', severe_organ_failure: 'No', heart_failure_or_arrhythmia: 'No', serious_lung_disease: 'No' };
  await answer(p, 'date_of_birth', script.date_of_birth, 'child');
  await p.getByLabel('Remember my answers on this device').check();
  let compared = 0;
  await answerAll(p, script, 'child', async (pg, id) => {
    // What this device remembers is exactly the answers so far: the command line reads them.
    const saved = await pg.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('trialcheck.answers'))[1]));
    const file = join(dir, `answers-${compared}.json`);
    writeFileSync(file, JSON.stringify(saved.answers));
    // Items of a list she left blank to answer later come back on their own: the file says which.
    const later = saved.later?.length ? ['--later', saved.later.join(',')] : [];
    // Whether she has a lab report (asked on the first form) sets where the lab values come.
    const report = saved.lab_report === undefined ? [] : ['--lab-report', saved.lab_report ? 'yes' : 'no'];
    const next = JSON.parse(execFileSync(cli, ['next', '--answers', file, '--mode', 'my_child', ...later, ...report, '--json'], { encoding: 'utf8' }));
    const cliShows = ['question', 'form'].includes(next.screen.kind) ? next.screen.questions[0] : next.screen.kind;
    assert.equal(id, cliShows, `screen ${compared + 1}`);
    compared += 1;
  }, 'en');
  assert.ok(compared > 8, `only ${compared} screens compared`);
});
