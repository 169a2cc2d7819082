// "Is there a cell-therapy trial I might join, somewhere I can get to?"
// A person ticks the countries they could travel to; a site may preset them.
// Trials elsewhere move below, never out; nothing is asked of the device,
// nothing is sent, and the choice is kept only with the opt-in answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, watchedPage, PHONE, DESKTOP, ARTIFACTS } from './browser.mjs';
import { start, answer, ago, say, axeViolations, noSidewaysScroll } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HANOI = 'NCT07432334';
const BEIJING = 'NCT06947460';

/** The trial ids of a results group, cards and folded lines alike, in order. */
const group = (root, name) =>
  root.locator(`.tc-results [data-group="${name}"]`).evaluateAll((g) =>
    g.flatMap((s) => [...s.querySelectorAll(':scope > [data-trial-id], [data-trial-line]')]
      .map((e) => e.dataset.trialId ?? e.dataset.trialLine)));

const everyTrial = async (root) => [...(await group(root, 'near')), ...(await group(root, 'far'))];

/** A 10-year-old: the adult trials are ruled out, the children's stay open. */
async function childToResults(root, lang) {
  await answer(root, 'date_of_birth', { fill: ago({ years: 10 }) }, 'child', lang);
  await root.getByRole('navigation').getByRole('button', { name: say(lang, 'nav-results'), exact: true }).click();
  await root.locator('.tc-results').waitFor();
}

for (const [lang, viewport] of [['vi', PHONE], ['zh', DESKTOP], ['en', PHONE]]) {
  test(`standalone, ${lang}: ticking a country puts its trials first and lists the rest below`, async () => {
    const p = await watchedPage(browser, viewport);
    await start(p, server.url, 'child', lang);
    await childToResults(p, lang);
    const all = await everyTrial(p);
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.length >= 12, `every trial listed: ${all}`);
    // No choice yet: one list, no "elsewhere".
    assert.deepEqual(await group(p, 'far'), []);
    const summary = await p.locator('.tc-summary-line').innerText();
    assert.match(summary, /\d/);

    const requests = [];
    p.on('request', (r) => requests.push(r.url()));
    await p.getByRole('checkbox', { name: say(lang, 'country-VN'), exact: true }).check();
    await p.getByRole('heading', { name: say(lang, 'results-far') }).waitFor();
    assert.deepEqual(await group(p, 'near'), [HANOI]);
    const far = await group(p, 'far');
    assert.ok(far.includes(BEIJING) && !far.includes(HANOI));
    assert.deepEqual([...(await everyTrial(p))].sort(), [...all].sort(), 'moved, never hidden');
    // Within a group: those that may suit, then the undecided, then the ruled out.
    const order = await p.locator('[data-group="far"] [data-verdict]').evaluateAll((cards) =>
      cards.filter((c) => !c.closest('[data-trial-line]')).map((c) => c.dataset.verdict));
    assert.ok(!order.includes('ineligible'), `ruled-out trials are folded lines, not cards: ${order}`);
    assert.deepEqual(requests, [], 'choosing a country asks nothing of anyone');
    assert.doesNotMatch(await p.evaluate(() => location.href), /VN|countr/i, 'the choice is not in the address');
    assert.equal(await p.evaluate(() => localStorage.length), 0, 'not kept unless asked');

    assert.deepEqual(await axeViolations(p), [], `${lang} results with a country chosen`);
    assert.deepEqual(await noSidewaysScroll(p), []);
    await p.screenshot({ path: `${ARTIFACTS}travel-${lang}.png`, fullPage: true });
    // "Any country": back to one list.
    await p.getByRole('button', { name: say(lang, 'countries-clear') }).click();
    await p.locator('[data-group="far"]').waitFor({ state: 'detached' });
    assert.deepEqual(p.errors, []);
  });
}

test('the choice is remembered with the answers when asked, and forgotten with them', async () => {
  const p = await watchedPage(browser, PHONE);
  await start(p, server.url, 'child');
  await childToResults(p, 'en');
  await p.getByRole('checkbox', { name: 'Vietnam', exact: true }).check();
  await p.getByLabel(say('en', 'device-remember')).check();
  await p.reload();
  await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
  assert.ok(await p.getByRole('checkbox', { name: 'Vietnam', exact: true }).isChecked());
  assert.deepEqual(await group(p, 'near'), [HANOI]);
  await p.getByRole('button', { name: say('en', 'device-forget') }).click();
  assert.equal(await p.evaluate(() => localStorage.length), 0);
  assert.deepEqual(p.errors, []);
});

test('a site presets the countries: a custom element in Chinese, an iframe in Vietnamese', async () => {
  // A Chinese patient group's page: its members can travel within China.
  const host = await watchedPage(browser, DESKTOP);
  await host.goto(`${server.url}/embed-demo.html`);
  await host.waitForFunction(() => window.TrialCheck);
  await host.evaluate(() => {
    const w = document.createElement('trial-check');
    w.id = 'preset';
    w.setAttribute('lang', 'zh');
    w.setAttribute('mode', 'child');
    w.setAttribute('countries', 'CN');
    document.body.prepend(w);
  });
  const widget = host.locator('#preset');
  await widget.locator('[data-question-id="date_of_birth"]').waitFor();
  await childToResults(widget, 'zh');
  assert.ok(await widget.getByRole('checkbox', { name: say('zh', 'country-CN'), exact: true }).isChecked());
  const near = await group(widget, 'near');
  assert.ok(near.includes(BEIJING) && !near.includes(HANOI), `${near}`);
  assert.ok((await group(widget, 'far')).includes(HANOI));
  assert.deepEqual(host.errors, []);

  // A Vietnamese hospital's iframe sets it in the frame's address, the same way.
  const hospital = await watchedPage(browser, PHONE);
  await hospital.goto(`${server.url}/embed-demo.html`);
  await hospital.setContent(`<h1>Bệnh viện</h1><iframe title="TrialCheck" style="width:100%;height:2000px;border:0"
    src="${server.url}/?lang=vi&mode=child&countries=vn"></iframe>`);
  const frame = hospital.frameLocator('iframe');
  await frame.locator('[data-question-id="date_of_birth"]').waitFor();
  await childToResults(frame, 'vi');
  assert.ok(await frame.getByRole('checkbox', { name: say('vi', 'country-VN'), exact: true }).isChecked());
  assert.deepEqual(await group(frame, 'near'), [HANOI]);
  // The person may still choose otherwise, and that choice wins over the preset.
  await frame.getByRole('checkbox', { name: say('vi', 'country-CN'), exact: true }).check();
  assert.ok((await group(frame, 'near')).includes(BEIJING));
  assert.deepEqual(hospital.errors, []);
});

test('a preset country with no site is shown to the site, not silently ignored', async () => {
  const p = await watchedPage(browser, PHONE);
  await p.goto(`${server.url}/?countries=UK`);
  const panel = p.locator('[data-failure]');
  await panel.waitFor();
  assert.match(await panel.innerText(), /countries: no trial in the catalog has a site in UK/);
});
