// A mother prints the results for her daughter's rheumatologist, and a
// woman prints hers: the summary fits on two A4 pages, leads with who and
// the values computed, and gives every trial its verdict, why and where.
// Everything (every criterion) prints only when asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { watchedPage, launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, answerAll, say } from './questionnaire.mjs';
import { PARENT_ANYWHERE, WOMAN } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function results(p, lang) {
  await p.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-results'), exact: true }).click();
  await p.locator('.tc-results').waitFor();
}

for (const [who, mode, script, lang] of [['girl', 'child', PARENT_ANYWHERE, 'vi'], ['woman', 'myself', WOMAN, 'en']]) {
  test(`the ${who}'s printed summary fits on two pages and names every trial (${lang})`, async () => {
    const p = await watchedPage(browser, PHONE);
    await start(p, server.url, mode, lang);
    await answerAll(p, script, mode, undefined, lang);
    await results(p, lang);
    const trials = await p.locator('.tc-results [data-trial-id]').evaluateAll((cards) => cards.map((c) => c.dataset.trialId));
    await p.emulateMedia({ media: 'print' });
    const summary = p.locator('.tc-print-summary');
    assert.ok(await summary.isVisible());
    // Every trial in a few lines; no card, no fold of criteria.
    const printed = await summary.locator('[data-print-trial]').evaluateAll((rows) => rows.map((r) => r.dataset.printTrial));
    assert.deepEqual([...printed].sort(), [...trials].sort());
    assert.equal(await p.locator('.tc-results .tc-card').first().isVisible(), false);
    assert.match(await summary.innerText(), new RegExp(say(lang, 'fact-sites')));
    await p.screenshot({ path: `${ARTIFACTS}print-summary-${who}-${lang}.png`, fullPage: true });
    const short = pages(await p.pdf({ format: 'A4' }));
    assert.ok(short >= 1 && short <= 2, `${who}: the summary prints on ${short} pages`);
    // "Print everything": the summary, then every card.
    await p.emulateMedia({ media: 'screen' });
    await p.evaluate(() => { window.print = () => {}; });
    await p.getByRole('button', { name: say(lang, 'print-everything') }).click();
    await p.locator('.tc-results.tc-print-all').waitFor({ state: 'attached' });
    await p.emulateMedia({ media: 'print' });
    const all = pages(await p.pdf({ format: 'A4' }));
    assert.ok(all > short, `${who}: everything prints on ${all} pages, more than the summary's ${short}`);
    assert.deepEqual(p.errors, []);
    await p.close();
  });
}
