// Parents in Hanoi and in Guangzhou use TrialCheck in their own language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, PHONE, DESKTOP, ARTIFACTS } from './browser.mjs';
import { start, answerAll, answer, shown, verdict, openRuledOut, say, ago, axeViolations, noSidewaysScroll } from './questionnaire.mjs';
import { PARENT_ANYWHERE } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HANOI = 'NCT07432334';
const REASON = { vi: 'Từ 16 đến 55 tuổi.', zh: '16 至 55 岁。' };
const DATE = {
  vi: (iso) => iso.split('-').reverse().join('/'),
  zh: (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; },
};

for (const lang of ['vi', 'zh']) {
  test(`a whole screening in ${lang === 'vi' ? 'Vietnamese' : 'Chinese'}, with axe-core clean on every screen`, async () => {
    for (const [width, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      const p = await browser.newPage({ viewport });
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      const audit = async (name) => {
        assert.deepEqual(await axeViolations(p), [], `${lang} ${name} ${width}`);
        assert.deepEqual(await noSidewaysScroll(p), [], `${lang} ${name}: sideways scroll`);
        await p.screenshot({ path: `${ARTIFACTS}${lang}-${name}-${width}.png`, fullPage: true });
      };
      await p.goto(`${server.url}/?lang=${lang}`);
      await p.locator('.tc-mode').first().waitFor();
      assert.equal(await p.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await p.locator('h1').innerText(), say(lang, 'app-title'));
      await audit('welcome');
      await p.getByRole('button', { name: say(lang, 'mode-my_child') }).click();
      const seen = new Set();
      await answerAll(p, PARENT_ANYWHERE, 'child', async (pg, id) => {
        if (['date_of_birth', 'lupus_medicines', 'biopsy_class', 'lab_panel'].includes(id) && !seen.has(id)) {
          seen.add(id);
          await audit(`question-${id}`);
        }
      }, lang);
      assert.equal(await verdict(p, HANOI), 'ineligible');
      assert.match(await p.locator(`[data-trial-id="${HANOI}"] .tc-not-met`).innerText(), new RegExp(REASON[lang]));
      await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-review'), exact: true }).click();
      const review = await p.locator('.tc-review').innerText();
      assert.ok(review.includes(DATE[lang](PARENT_ANYWHERE.date_of_birth.fill)), `dates in the ${lang} order`);
      if (lang === 'vi') assert.ok(review.includes('0,6 mg/dL'), 'a decimal comma in Vietnamese');
      await audit('review');
      await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-results'), exact: true }).click();
      await p.locator('.tc-results').waitFor();
      // Ruled out: folded away, one line with the reason, in the language.
      assert.match(await p.locator(`[data-trial-line="${HANOI}"] .tc-why`).innerText(), new RegExp(REASON[lang]));
      // The registry's words stay as registered, with the translation beside them.
      const card = await openRuledOut(p, HANOI);
      await card.locator('.tc-not-met .tc-original summary').first().click();
      assert.match(await card.locator('.tc-not-met blockquote').first().innerText(), /Age 16 to 55 years, male or female/);
      assert.ok((await card.locator('.tc-not-met .tc-translation').first().innerText()).includes(lang === 'vi' ? 'Tuổi từ 16 đến 55' : '年龄 16 至 55 岁'));
      await audit('results');
      assert.deepEqual(errors, []);
      await p.close();
    }
  });
}

test('switching the language at any time keeps every answer', async () => {
  const p = await browser.newPage({ viewport: PHONE });
  await start(p, server.url, 'myself');
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await answer(p, 'sex', { option: 'female' });
  await p.locator('[data-question-id="pregnant"]').waitFor();
  await p.getByLabel('Language').selectOption('vi');
  await p.locator('[data-question-id="pregnant"]').getByText(say('vi', 'question-pregnant'), { exact: true }).waitFor();
  assert.equal(await shown(p), 'pregnant');
  assert.equal(await verdict(p, HANOI), 'ineligible');
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'vi');
  // The trials' own words follow too (each language's catalog is a file of its own).
  const reason = (lang) => p.locator(`[data-trial-id="${HANOI}"]`).first().getByText(REASON[lang]);
  await reason('vi').waitFor({ state: 'attached' });
  await p.getByLabel(say('vi', 'language-label')).selectOption('zh');
  await p.locator('[data-question-id="pregnant"]').getByText(say('zh', 'question-pregnant'), { exact: true }).waitFor();
  await reason('zh').waitFor({ state: 'attached' });
  assert.equal(await reason('vi').count(), 0);
  await p.getByRole('navigation').getByRole('button', { name: say('zh', 'nav-review'), exact: true }).click();
  assert.match(await p.locator('.tc-review').innerText(), new RegExp(say('zh', 'option-sex-female')));
});

test("without a language set, the browser's own language is used", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
  const p = await context.newPage();
  await p.goto(server.url);
  await p.getByRole('button', { name: say('vi', 'mode-myself') }).waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'vi');
  await context.close();
});

test('a number whose separator may mean thousands is refused, not guessed', async () => {
  const p = await browser.newPage({ viewport: PHONE });
  await start(p, server.url, 'clinician', 'vi');
  await assert.rejects(
    answerAll(p, { date_of_birth: { fill: ago({ years: 30 }) }, lab_panel: { neutrophils: ['2.500', '/uL'] } }, 'clinician', undefined, 'vi'),
    /lab_panel was refused/,
  );
  await p.getByRole('alert').filter({ hasText: say('vi', 'error-ambiguous-number') }).waitFor();
  assert.equal(await shown(p), 'lab_panel');
});
