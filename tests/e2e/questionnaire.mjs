// Helpers that use the questionnaire the way a person does: by the labels
// on screen. Anything the script does not answer gets "don't know".
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The app's words by language and message id, read from locales/*.toml
 * (flat `id = "text"` lines), so that tests find buttons in any language. */
const LANGUAGES = readdirSync(new URL('../../locales/', import.meta.url)).filter((f) => f.endsWith('.toml')).map((f) => f.slice(0, -5));
const WORDS = Object.fromEntries(LANGUAGES.map((lang) => {
  const text = readFileSync(new URL(`../../locales/${lang}.toml`, import.meta.url), 'utf8');
  const entries = text.split('\n').map((l) => l.match(/^([\w-]+) = (".*")$/)).filter(Boolean).map((m) => [m[1], JSON.parse(m[2])]);
  return [lang, Object.fromEntries(entries)];
}));

export function say(lang, id) {
  const text = WORDS[lang][id] ?? WORDS.en[id];
  if (text === undefined) throw new Error(`no message ${id}`);
  return text;
}

const MODE_IDS = { myself: 'mode-myself', child: 'mode-my_child', clinician: 'mode-clinician' };
export const MODES = Object.fromEntries(Object.entries(MODE_IDS).map(([k, id]) => [k, say('en', id)]));

/** A date `years` and `months` before today, as YYYY-MM-DD (or YYYY-MM). */
export function ago({ years = 0, months = 0 }, monthOnly = false) {
  const d = new Date();
  d.setMonth(d.getMonth() - months - 12 * years);
  const iso = d.toISOString().slice(0, 10);
  return monthOnly ? iso.slice(0, 7) : iso;
}

export async function start(page, url, mode, lang = 'en') {
  await page.goto(lang === 'en' ? url : `${url}/?lang=${lang}`);
  await page.getByRole('button', { name: say(lang, MODE_IDS[mode]) }).click();
  await page.locator('[data-question-id]').first().waitFor();
}

export async function shown(page) {
  const q = page.locator('[data-question-id]').first();
  await q.waitFor();
  return q.getAttribute('data-question-id');
}

const button = (scope, name) => scope.getByRole('button', { name, exact: true });

/** In a script: an item a person leaves blank on a list (it comes back on its own). */
export const BLANK = Symbol('blank');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "I don't know", or "Never tested / I don't know" for a test that may never have been done. */
function dontKnowLabel(lang, mode) {
  const [plain, tested] = mode === 'clinician'
    ? ['answer-dont-know-clinician', 'answer-never-tested-clinician']
    : ['answer-dont-know', 'answer-never-tested'];
  return new RegExp(`^(${escape(say(lang, plain))}|${escape(say(lang, tested))})$`);
}

/** A mark of a list item; "not sure" reads "never tested / not sure" on a test. */
function markLabel(lang, mark) {
  if (mark !== 'checklist-item-unsure') return say(lang, mark);
  return new RegExp(`^(${escape(say(lang, mark))}|${escape(say(lang, 'checklist-item-never-tested'))})$`);
}

/**
 * Answers the question on screen as `how` says: a label (string), or in any
 * language `{ yes: true }`, `{ no: true }`, `{ option: 'female' }`,
 * `{ fill, unit }`, `{ check: [option ids], complete }`, `{ medicines: [{ drug, months, sideEffects }] }`;
 * for the lab panel, `{ lab: [value, unit] }`. Nothing: "don't know".
 */
export async function answer(page, id, how, mode, lang = 'en') {
  const q = page.locator(`[data-question-id="${id}"]`);
  const option = (o) => say(lang, `option-${id}-${o}`);
  const form = page.locator(`form[data-form]:has([data-question-id="${id}"])`);
  if (await form.count()) {
    // One question of a form: this answer only (the blank ones are asked again), then Next.
    await fill(q, id, how, mode, lang);
    await button(form, say(lang, 'answer-next')).click();
    return;
  }
  if (id === 'checklist') {
    // Several yes/no questions: `how` is the whole script. Yes where it says yes,
    // "Not sure" where it gives no answer (`BLANK`: left blank, as people do); the
    // noes are left blank where the list offers "the ones I left blank are No",
    // else marked No. Then the list's main button, whichever it offers.
    const items = await q.locator('[data-item-id]').evaluateAll((all) => all.map((l) => l.dataset.itemId));
    const blankIsNo = await button(q, say(lang, 'checklist-none')).count() > 0;
    const yes = (v) => v === 'Yes' || v?.yes === true;
    const no = (v) => v === 'No' || v?.no === true;
    for (const item of items) {
      const v = how?.[item];
      if (v === BLANK || (no(v) && blankIsNo)) continue;
      const mark = yes(v) ? 'checklist-item-yes' : no(v) ? 'checklist-item-no' : 'checklist-item-unsure';
      await q.locator(`[data-item-id="${item}"]`).getByLabel(markLabel(lang, mark), { exact: true }).check();
    }
    await button(q, say(lang, blankIsNo ? 'checklist-none' : 'checklist-unsure')).click();
  } else if (id === 'lab_panel') {
    for (const [lab, [value, unit]] of Object.entries(how ?? {})) {
      const row = q.locator(`[data-lab-id="${lab}"]`);
      await row.locator('input').fill(value);
      if (unit) await row.locator('select').selectOption(unit);
    }
    await button(q, say(lang, 'lab-panel-save')).click();
  } else if (how === undefined || how === BLANK) {
    await button(q, dontKnowLabel(lang, mode)).click();
  } else if (typeof how === 'string') {
    await button(q, how).click();
  } else if (how.yes || how.no) {
    await button(q, say(lang, how.yes ? 'answer-yes' : 'answer-no')).click();
  } else if (how.option) {
    await button(q, option(how.option)).click();
  } else if (how.fill !== undefined) {
    await q.locator('input').first().fill(how.fill);
    if (how.unit) await q.locator('select').selectOption(how.unit);
    await button(q, say(lang, 'answer-next')).click();
  } else if (how.check) {
    for (const o of how.check) await q.getByLabel(WORDS.en[`option-${id}-${o}`] ? option(o) : o, { exact: true }).check();
    // A list ticked from memory is open unless the person says it is complete.
    if (how.complete) await q.getByLabel(say(lang, 'answer-list-complete'), { exact: true }).check();
    await button(q, say(lang, 'answer-next')).click();
  } else if (how.medicines) {
    for (const m of how.medicines) {
      const name = m.drug ? option(m.drug) : m.name;
      await q.getByLabel(name, { exact: true }).check();
      const details = q.locator('.tc-medicine', { has: page.getByLabel(name, { exact: true }) });
      if (m.months !== undefined) await details.getByLabel(say(lang, 'medicine-months')).fill(String(m.months));
      if (m.sideEffects !== undefined) await details.getByLabel(say(lang, 'medicine-side-effects')).selectOption(say(lang, m.sideEffects ? 'answer-yes' : 'answer-no'));
    }
    await button(q, say(lang, 'answer-next')).click();
  } else {
    throw new Error(`cannot answer ${id} with ${JSON.stringify(how)}`);
  }
}

/** Gives one answer on a form, without sending it: a date filled in, a choice
 * chosen, or "don't know" ticked when the script has no answer. */
async function fill(q, id, how, mode, lang) {
  if (how === undefined) {
    // "Do you have a lab report?" has no "don't know" (the person knows): left blank, asked again later.
    if (id === 'lab_report') return;
    const dontKnow = say(lang, mode === 'clinician' ? 'answer-dont-know-clinician' : 'answer-dont-know');
    // A choice has a "don't know" option; a date a "don't know" toggle beside it.
    if (await q.locator('input[type="radio"]').count()) await q.getByLabel(dontKnow, { exact: true }).check();
    else await q.getByRole('button', { name: dontKnow, exact: true }).click();
  } else if (how.yes || how.no) {
    await q.getByLabel(say(lang, how.yes ? 'answer-yes' : 'answer-no'), { exact: true }).check();
  } else if (how.fill !== undefined) {
    await q.locator('input').first().fill(how.fill);
  } else if (how.option) {
    await q.getByLabel(say(lang, `option-${id}-${how.option}`), { exact: true }).check();
  } else if (typeof how === 'string') {
    await q.getByLabel(how, { exact: true }).check();
  } else {
    throw new Error(`cannot answer ${id} on a form with ${JSON.stringify(how)}`);
  }
}

/**
 * Answers every question the app asks, from `script` (question id -> how),
 * until no question is left, or until `stopAt` is shown (it must be: a walk
 * that never gets there fails). Returns the ids in the order they were asked.
 * `visit(page, id)` runs before each answer (for screenshots and audits).
 * A refused answer fails the walk at once, with the app's message.
 */
export async function answerAll(page, script, mode, visit = async () => {}, lang = 'en', { stopAt } = {}) {
  const asked = [];
  for (let i = 0; i < 120; i++) {
    const id = await shown(page);
    if (id === stopAt) return asked;
    if (id === 'done') {
      if (stopAt) throw new Error(`the walk never reached ${stopAt}: ${asked.join(', ')}`);
      return asked;
    }
    await visit(page, id);
    // A screen is its question, or its list (two lists may follow each other).
    const screen = () => {
      const el = document.querySelector('[data-question-id]');
      return el && `${el.getAttribute('data-question-id')}:${el.dataset.list ?? ''}`;
    };
    const before = await page.evaluate(screen);
    const form = page.locator('form[data-form]');
    if (await form.count()) {
      // A form: every question on it answered from the script at once, as a person fills it in.
      const ids = await form.locator('[data-question-id]').evaluateAll((all) => all.map((e) => e.dataset.questionId));
      for (const field of ids) await fill(form.locator(`[data-question-id="${field}"]`), field, script[field], mode, lang);
      asked.push(...ids);
      await button(form, say(lang, 'answer-next')).click();
    } else {
      asked.push(id);
      await answer(page, id, id === 'checklist' ? script : script[id], mode, lang);
    }
    // Wait for the next screen, or for a refusal of this one.
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-question-id]');
      return el && (`${el.getAttribute('data-question-id')}:${el.dataset.list ?? ''}` !== before || el.querySelector('[role="alert"]'));
    }, before);
    const refusal = page.locator(`[data-question-id="${id}"] [role="alert"]`);
    if (await refusal.count()) throw new Error(`${id} was refused: ${await refusal.first().innerText()}`);
  }
  throw new Error(`the questionnaire never ended: ${asked.join(', ')}`);
}

/** On the results: opens the folded line of a trial ruled out (its title and
 * one-line reason); returns the trial's card inside it. */
export async function openRuledOut(page, trial) {
  const line = page.locator(`.tc-results [data-trial-line="${trial}"]`);
  const own = line.locator(':scope > details');
  if (!(await own.evaluate((d) => d.open))) await own.locator(':scope > summary').click();
  return line.locator(`[data-trial-id="${trial}"]`);
}

export async function verdict(page, trial) {
  return page.locator(`[data-trial-id="${trial}"]`).first().getAttribute('data-verdict');
}

/** The page does not scroll sideways at 360 px nor at 390 px (then back to its own size). */
export async function noSidewaysScroll(page) {
  const size = page.viewportSize();
  const wide = [];
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: size.height });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) wide.push(`${scroll} px wide at ${width}`);
  }
  await page.setViewportSize(size);
  return wide;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now. Evaluated through the
 * DevTools protocol, so the page's Content-Security-Policy stays in force. */
export async function axeViolations(page, include) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate((inc) => window.axe.run(inc ? { include: inc } : document, { resultTypes: ['violations'] }), include);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}
