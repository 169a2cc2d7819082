// A parent checks privately: nothing she answers leaves the device, nothing
// is kept unless she asks, and she can wipe it or take it with her.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from './server.mjs';
import { launch, PHONE, ARTIFACTS } from './browser.mjs';
import { start, answerAll, answer, shown, verdict, ago } from './questionnaire.mjs';
import { PARENT } from './people.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Every file of the build, those in folders (the published FHIR resources) too.
const files = new Set(readdirSync(DIST, { recursive: true }));
const nav = (p, name) => p.getByRole('navigation').getByRole('button', { name, exact: true });

test('a whole screening sends nothing but same-origin GETs of the app\'s own files', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const seen = [];
  context.on('request', (r) => seen.push({ url: r.url(), method: r.method(), body: r.postData() }));
  const p = await context.newPage();
  const logged = server.requests.length;
  await start(p, server.url, 'child');
  await answerAll(p, PARENT, 'child');
  await nav(p, 'Results').click();
  await nav(p, 'Answers').click();
  await p.getByRole('button', { name: 'Save answers as a file' }).click();
  assert.ok(seen.length > 3);
  for (const r of seen) {
    const url = new URL(r.url);
    assert.equal(url.origin, server.url, r.url);
    assert.equal(r.method, 'GET', r.url);
    assert.equal(r.body, null, r.url);
    assert.equal(url.search, '', `no address carries anything: ${r.url}`);
    const name = url.pathname.slice(1);
    assert.ok(name === '' || files.has(name), `only the app's own files: ${r.url}`);
  }
  // And the server saw the same: no body, and no address but those of the build's own files
  // (content-named: a hash may hold "140" by chance, so addresses are matched whole).
  for (const r of server.requests.slice(logged)) {
    assert.equal(r.body, '');
    const path = r.url.slice(1);
    assert.ok(path === '' || files.has(path), r.url);
    for (const value of [PARENT.date_of_birth.fill, PARENT.biopsy_date.fill]) assert.ok(!r.url.includes(value), r.url);
  }
  await context.close();
});

test('with only its own origin allowed, a whole screening with languages, export and print still works', async () => {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  // An allow-list: the app's own origin, blob: and data:. Anything else is cut and recorded.
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const p = await context.newPage();
  await start(p, server.url, 'child');
  await p.getByLabel('Language').selectOption('vi');
  await p.locator('html[lang="vi"]').waitFor();
  await p.getByLabel('Ngôn ngữ').selectOption('zh');
  await p.locator('html[lang="zh"]').waitFor();
  await p.getByLabel('语言').selectOption('en');
  await p.locator('html[lang="en"]').waitFor();
  await answerAll(p, PARENT, 'child');
  await nav(p, 'Answers').click();
  const download = p.waitForEvent('download');
  await p.getByRole('button', { name: 'Save answers as a file' }).click();
  await download;
  await nav(p, 'Results').click();
  await p.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.deepEqual(elsewhere, [], 'nothing asked for anything outside the allow-list');
  // The probe: a request to another origin does not get through.
  const probe = await p.evaluate(() => fetch('http://127.0.0.2:9/probe').then(() => 'reached', () => 'blocked'));
  assert.equal(probe, 'blocked');
  await context.close();
});

test('a link cannot point the standalone app at another catalog', async () => {
  // Someone sends a parent a link that names a catalog elsewhere: the page
  // ignores it (only embedding code sets `catalog`) and shows this build's trials.
  const context = await browser.newContext({ viewport: PHONE });
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`)) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const p = await context.newPage();
  await p.goto(`${server.url}/?trials=NCT06904729&catalog=${encodeURIComponent('http://127.0.0.2:9/trials.json')}`);
  await p.locator('#trialcheck h2, [data-failure]').first().waitFor();
  assert.equal(await p.locator('[data-failure]').count(), 0, 'the build\'s own catalog loaded');
  assert.deepEqual(elsewhere, []);
  await context.close();
});

test('the standalone app runs under a strict Content-Security-Policy', async () => {
  const p = await browser.newPage({ viewport: PHONE });
  await p.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await start(p, server.url, 'myself');
  const csp = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  // A whole screening, the answers saved and opened again, the results printed: no violation.
  await answerAll(p, { ...PARENT, date_of_birth: { fill: ago({ years: 30 }) } }, 'myself');
  assert.equal(await verdict(p, 'NCT06904729'), 'ineligible');
  await p.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
  const download = p.waitForEvent('download');
  await p.getByRole('button', { name: 'Save answers as a file' }).click();
  const saved = await (await download).path();
  await p.locator('input[type="file"]').setInputFiles(saved);
  await p.getByRole('status').filter({ hasText: /opened|Opened/ }).first().waitFor();
  await p.getByRole('navigation').getByRole('button', { name: 'Results', exact: true }).click();
  await p.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await p.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  // And the service worker, registered through the page's one Trusted Types policy, is there.
  await p.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r)));
});

test('answers are kept only when she asks; a reload or a closed tab then loses nothing; forget wipes all', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const p = await context.newPage();
  await start(p, server.url, 'child');
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await p.locator('[data-question-id="sex"]').waitFor();
  // Not asked to remember: nothing on the device, and a reload starts afresh.
  assert.equal(await p.evaluate(() => localStorage.length), 0);
  await p.reload();
  await p.locator('.tc-mode').first().waitFor();

  await start(p, server.url, 'child');
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await p.locator('[data-question-id="sex"]').waitFor();
  await p.getByLabel('Remember my answers on this device').check();
  await answer(p, 'sex', 'Female');
  await p.locator('[data-question-id="pregnant"]').waitFor();
  await p.reload();
  assert.equal(await shown(p), 'pregnant', 'carries on where she stopped');
  assert.equal(await verdict(p, 'NCT07432334'), 'ineligible');
  // An accidentally closed tab: a new one has it all.
  await p.close();
  const again = await context.newPage();
  await again.goto(server.url);
  assert.equal(await shown(again), 'pregnant');
  assert.ok(await again.getByLabel('Remember my answers on this device').isChecked());

  await again.getByRole('button', { name: 'Forget my answers' }).click();
  await again.locator('.tc-mode').first().waitFor();
  assert.equal(await again.evaluate(() => localStorage.length), 0);
  await again.reload();
  await again.locator('.tc-mode').first().waitFor();
  await context.close();
});

test('answers go to a file and come back; FHIR for the clinic; a broken or foreign file changes nothing', async () => {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const p = await context.newPage();
  await start(p, server.url, 'child');
  await answer(p, 'date_of_birth', { fill: ago({ years: 10 }) });
  await answer(p, 'sex', 'Female');
  await p.locator('[data-question-id="pregnant"]').waitFor();
  await nav(p, 'Answers').click();

  const save = async (label) => {
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: label }).click()]);
    return JSON.parse(readFileSync(await download.path(), 'utf8'));
  };
  const saved = await save('Save answers as a file');
  assert.equal(saved.format, 'trialcheck-answers');
  assert.equal(saved.answers.date_of_birth, ago({ years: 10 }));
  // For a clinic's system: the response, with the Questionnaire it answers, in one Bundle.
  const bundle = await save('Save for a clinic system (FHIR)');
  writeFileSync(`${ARTIFACTS}fhir-export.json`, JSON.stringify(bundle, null, 2));
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');
  const [questionnaire, fhir] = bundle.entry.map((e) => e.resource);
  assert.equal(questionnaire.resourceType, 'Questionnaire');
  assert.equal(fhir.resourceType, 'QuestionnaireResponse');
  assert.equal(fhir.questionnaire, `${questionnaire.url}|${questionnaire.version}`);
  // The canonical resolves where the build is served (scripts/serve's base; here, this test's server).
  const published = await (await fetch(new URL(new URL(questionnaire.url).pathname, server.url))).json();
  assert.deepEqual(published, questionnaire);
  assert.equal(fhir.item.find((i) => i.linkId === 'sex').answer[0].valueCoding.code, 'sex.female');
  // In the words she saw, as a parent.
  assert.equal(fhir.item.find((i) => i.linkId === 'date_of_birth').text, "What is your child's date of birth?");

  const dir = mkdtempSync(join(tmpdir(), 'trialcheck-files-'));
  const file = (name, text) => { const path = join(dir, name); writeFileSync(path, text); return path; };
  const open = (path) => p.getByLabel('Open a saved answers file').setInputFiles(path);

  // On another device (a fresh page), the file brings the answers back.
  const other = await context.newPage();
  await start(other, server.url, 'myself');
  await nav(other, 'Answers').click();
  await other.getByLabel('Open a saved answers file').setInputFiles(file('answers.json', JSON.stringify(saved)));
  await other.getByRole('status').filter({ hasText: 'Your answers were opened.' }).waitFor();
  assert.match(await other.locator('.tc-review').innerText(), /Female/);
  await nav(other, 'Questions').click();
  assert.equal(await shown(other), 'pregnant');
  assert.equal(await verdict(other, 'NCT07432334'), 'ineligible');
  // The clinic's file opens too, on a third device: the same answers.
  const third = await context.newPage();
  await start(third, server.url, 'myself');
  await nav(third, 'Answers').click();
  await third.getByLabel('Open a saved answers file').setInputFiles(file('clinic.json', JSON.stringify(bundle)));
  await third.getByRole('status').filter({ hasText: 'Your answers were opened.' }).waitFor();
  assert.match(await third.locator('.tc-review').innerText(), /Female/);

  // Broken and foreign files: a clear message, and her answers stay as they were.
  const before = await p.locator('.tc-review').innerText();
  const told = (text) => p.getByRole('alert').filter({ hasText: text }).waitFor();
  await open(file('broken.json', '{"format": "trialcheck-answers", '));
  await told('This file could not be read. Nothing was changed.');
  await open(file('patient.json', JSON.stringify({ resourceType: 'Patient', id: 'p1' })));
  await told('This is not a TrialCheck answers file. Nothing was changed.');
  const another = { ...fhir, questionnaire: 'http://example.org/fhir/Questionnaire/phq-9|1' };
  await open(file('another.json', JSON.stringify(another)));
  await told('This is not a TrialCheck answers file. Nothing was changed.');
  await open(file('refused.json', JSON.stringify({ ...saved, answers: { ...saved.answers, date_of_birth: '1700-01-01' } })));
  await told('Some answers in this file cannot be used. Nothing was changed.');
  assert.equal(await p.locator('.tc-review').innerText(), before);
  await context.close();
});
