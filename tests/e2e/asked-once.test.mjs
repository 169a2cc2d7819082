// Asked once, said once. A mother whose daughter's biopsy showed class IV
// is not asked for it again on the 2019 EULAR/ACR list; a question that
// offers "I'm not sure" has no second "I don't know"; when the questions end
// the screen reader hears so; and a saved file opens from the very start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { watchedPage, launch, ARTIFACTS } from './browser.mjs';
import { start, answerAll, shown, say } from './questionnaire.mjs';
import { PARENT_ANYWHERE } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE_390 = { width: 390, height: 844 };

for (const lang of ['vi', 'zh']) {
  test(`the biopsy answered, the EULAR/ACR list shows its item as given, not asked again (${lang})`, async () => {
    const p = await watchedPage(browser, PHONE_390);
    await start(p, server.url, 'child', lang);
    await answerAll(p, PARENT_ANYWHERE, 'child', undefined, lang, { stopAt: 'eular_acr_items' });
    const item = p.locator('[data-question-id="eular_acr_items"] label').filter({ hasText: say(lang, 'answer-settled-elsewhere') });
    assert.equal(await item.count(), 1, 'the class III/IV item, given by the biopsy answer');
    assert.equal(await item.locator('input').isChecked(), true);
    assert.equal(await item.locator('input').isDisabled(), true);
    // Class II or V is settled too (not that class): not shown at all.
    const items = await p.locator('[data-question-id="eular_acr_items"] input[type="checkbox"]').count();
    const options = 21;
    assert.equal(items, options - 1 + 1 /* the "list is complete" box */, `${items} boxes`);
    await p.screenshot({ path: `${ARTIFACTS}eular-biopsy-given-${lang}.png`, fullPage: true });
    assert.deepEqual(p.errors, []);
    await p.close();
  });
}

test('pregnancy offers "not sure" and no second "I don\'t know"; the end of the questions takes the focus', async () => {
  const p = await watchedPage(browser, PHONE_390);
  await start(p, server.url, 'child');
  await answerAll(p, PARENT_ANYWHERE, 'child', undefined, 'en', { stopAt: 'pregnant' });
  const field = p.locator('[data-question-id="pregnant"]');
  // Asked alone (buttons) or on a form (radio labels), the same choices.
  const labels = await field.locator('label, button.tc-choice').allInnerTexts();
  assert.ok(labels.some((l) => l.trim() === say('en', 'option-pregnant-not_sure')), JSON.stringify(labels));
  assert.ok(!labels.some((l) => l.trim() === say('en', 'answer-dont-know')), JSON.stringify(labels));
  await answerAll(p, PARENT_ANYWHERE, 'child');
  assert.equal(await shown(p), 'done');
  assert.equal(await p.evaluate(() => document.activeElement?.textContent), say('en', 'questions-done'));
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('a saved answers file opens from the welcome, and the questions carry on', async () => {
  const context = await browser.newContext({ viewport: PHONE_390, acceptDownloads: true });
  const p = await context.newPage();
  await start(p, server.url, 'child');
  await answerAll(p, PARENT_ANYWHERE, 'child', undefined, 'en', { stopAt: 'pregnant' });
  await p.getByRole('navigation').getByRole('button', { name: say('en', 'nav-review'), exact: true }).click();
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: say('en', 'files-export') }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'trialcheck-welcome-'));
  const path = join(dir, 'answers.json');
  await download.saveAs(path);
  const fresh = await context.newPage();
  await fresh.goto(server.url);
  await fresh.locator('.tc-mode').first().waitFor();
  await fresh.getByLabel(say('en', 'files-import')).setInputFiles(path);
  assert.equal(await shown(fresh), 'pregnant');
  // A file that is not an answers file changes nothing, and says why.
  const other = await context.newPage();
  await other.goto(server.url);
  await other.locator('.tc-mode').first().waitFor();
  const junk = join(dir, 'junk.json');
  writeFileSync(junk, '{"resourceType": "Patient"}');
  await other.getByLabel(say('en', 'files-import')).setInputFiles(junk);
  await other.getByRole('alert').filter({ hasText: say('en', 'import-foreign') }).waitFor();
  assert.equal(await other.locator('.tc-mode').count() > 0, true);
  await context.close();
});
