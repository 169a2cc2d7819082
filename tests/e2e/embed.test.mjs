// A patient group's web team adds TrialCheck to their page with one script
// and one element; a hospital uses the iframe; a site brings its own catalog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serve, DIST } from './server.mjs';
import { watchedPage, launch, DESKTOP, PHONE, ARTIFACTS } from './browser.mjs';
import { answer, ago, axeViolations, say } from './questionnaire.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const page = (viewport = DESKTOP) => watchedPage(browser, viewport);

const widget = (p, n) => p.locator('trial-check').nth(n);

/** The demo page with a widget mounted by script at the top of its main, as a
 * site's own code would; resolves to the widget's element. The handle that
 * `mount` returns is kept in `window.mounted`. */
async function mountOnDemo(p, id, options, tag = 'div') {
  await p.goto(`${server.url}/embed-demo.html`);
  await p.waitForFunction(() => window.TrialCheck);
  await p.evaluate(async ({ id, options, tag }) => {
    const here = document.createElement(tag);
    here.id = id;
    document.querySelector('main').prepend(here);
    window.mounted = await window.TrialCheck.mount(here, options);
  }, { id, options, tag });
  return p.locator(`#${id}`);
}

test('two widgets on a page with a hostile stylesheet work independently and keep their looks', async () => {
  const p = await page();
  await p.goto(`${server.url}/embed-demo.html`);
  const first = widget(p, 0);
  const second = widget(p, 1);
  await first.locator('.tc-mode').first().waitFor();
  await second.locator('[data-question-id="date_of_birth"]').waitFor();

  // The host's `button { background: hotpink !important }`, `* { letter-spacing }` and lime headings stay out.
  const looks = await first.locator('.tc-mode').first().evaluate((b) => {
    const s = getComputedStyle(b);
    return { background: s.backgroundColor, spacing: s.letterSpacing, rotate: s.transform, colour: s.color };
  });
  assert.deepEqual(looks, { background: 'rgb(255, 255, 255)', spacing: 'normal', rotate: 'none', colour: 'rgb(122, 46, 77)' });
  assert.notEqual(await first.locator('h2').first().evaluate((h) => getComputedStyle(h).color), 'rgb(0, 255, 0)');
  // The host's `html { font-size: 62.5% }` does not shrink the widget's text: sizes follow
  // the reader's own text size (16 px by default), not the host's root.
  const sizes = await first.locator('h2, .tc-mode').evaluateAll((all) => all.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert.ok(sizes.length > 1 && sizes.every((px) => px >= 15), `text sizes inside the widget: ${sizes}`);
  // And the widget's styles stay out of the host page.
  assert.equal(await p.locator('body > header h1').evaluate((h) => getComputedStyle(h).fontFamily), 'Georgia, serif');

  // Answering in the children's widget changes nothing in the other one.
  await second.locator('[data-question-id="date_of_birth"] input').fill(ago({ years: 9 }));
  await second.getByRole('button', { name: 'Next', exact: true }).click();
  // Only the children's trial: sex is never needed there, so height comes next.
  await second.locator('[data-question-id="height"]').waitFor();
  assert.equal(await first.locator('[data-question-id]').count(), 0);
  assert.equal(await first.locator('.tc-mode').count(), 3);
  assert.equal(await second.locator('[data-trial-id]').count(), 1);
  // The widgets, not the host page's own (deliberately poor) headings.
  assert.deepEqual(await axeViolations(p, ['trial-check']), []);
  await p.screenshot({ path: `${ARTIFACTS}embed-demo-desktop.png`, fullPage: true });
  assert.deepEqual(p.errors, []);
});

test('TrialCheck.mount puts a widget anywhere, with a language and a starting mode', async () => {
  const p = await page(PHONE);
  const mounted = await mountOnDemo(p, 'mounted', { trials: 'NCT07233642', mode: 'clinician', lang: 'en' }, 'section');
  await mounted.locator('[data-question-id="date_of_birth"]').waitFor();
  assert.equal(await mounted.locator('[data-trial-id]').count(), 1);
  assert.equal(await mounted.locator('.tc-host').getAttribute('lang'), 'en');
  await p.evaluate(() => window.mounted.destroy());
  assert.equal(await mounted.locator('[data-question-id]').count(), 0);
});

test('the iframe snippet shows the chosen trials for sites that allow no third-party script', async () => {
  const p = await page();
  await p.goto(`${server.url}/embed-demo.html`);
  await p.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'TrialCheck';
    frame.style.cssText = 'width: 100%; height: 900px; border: 0';
    document.querySelector('main').prepend(frame);
  }, `${server.url}/?trials=NCT07233642,NCT07432334&mode=myself`);
  const frame = p.frameLocator('iframe[title="TrialCheck"]');
  await frame.locator('[data-question-id="date_of_birth"]').waitFor();
  assert.equal(await frame.locator('[data-trial-id]').count(), 2);
});

test('a site can bring its own catalog; a broken one shows what is wrong instead of a blank widget', async () => {
  // The shipped catalog, as the CLI exports it for a site to serve.
  const shipped = JSON.parse(execFileSync(new URL('../../target/debug/trialcheck', import.meta.url).pathname, ['export-catalog'], { encoding: 'utf8' }));
  const own = { ...shipped, trials: shipped.trials.filter((t) => t.id === 'NCT07233642') };
  const broken = { ...shipped, trials: [{ ...own.trials[0], criterion: [{ ...own.trials[0].criterion[0], rule: 'age_years >= 5 and creatinin <= 1 mg/dL' }] }] };
  const p = await page();
  await p.route('**/catalogs/own.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(own) }));
  await p.route('**/catalogs/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
  await p.route('**/catalogs/missing.json', (r) => r.fulfill({ status: 404, body: 'not here' }));
  await p.goto(`${server.url}/embed-demo.html`);
  await p.waitForFunction(() => window.TrialCheck);
  await p.evaluate(async () => {
    for (const name of ['own', 'broken', 'missing']) {
      const here = document.createElement('div');
      here.id = name;
      document.querySelector('main').prepend(here);
      await window.TrialCheck.mount(here, { catalog: `catalogs/${name}.json`, mode: 'myself' });
    }
  });
  await p.locator('#own [data-question-id="date_of_birth"]').waitFor();
  assert.equal(await p.locator('#own [data-trial-id]').count(), 1);
  const brokenPanel = p.locator('#broken [data-failure]');
  await brokenPanel.waitFor();
  assert.match(await brokenPanel.innerText(), /trials\[0\]\.criterion\[0\]\.rule: unknown question `creatinin` \(did you mean `creatinine`\?\)/);
  assert.match(await p.locator('#missing [data-failure]').innerText(), /the server answered 404/);
  await brokenPanel.screenshot({ path: `${ARTIFACTS}embed-broken-catalog.png` });
  assert.deepEqual(p.errors, []);
});

test('a network with many trials: the column beside the questions shows the first 30 and says where the others are', async () => {
  const shipped = JSON.parse(execFileSync(new URL('../../target/debug/trialcheck', import.meta.url).pathname, ['export-catalog'], { encoding: 'utf8' }));
  // 40 trials: the shipped ones again under new ids.
  const trials = Array.from({ length: 40 }, (_, i) => ({ ...shipped.trials[i % shipped.trials.length], id: `NCT${String(90000000 + i).padStart(8, '0')}` }));
  const p = await page();
  await p.route('**/catalogs/network.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...shipped, trials }) }));
  const widget = await mountOnDemo(p, 'network', { catalog: 'catalogs/network.json', mode: 'myself' });
  await widget.locator('[data-question-id="date_of_birth"]').waitFor();
  assert.equal(await widget.locator('.tc-live-results [data-trial-id]').count(), 30);
  assert.match(await widget.locator('.tc-more').innerText(), /10 more trials are listed under Results/);
  await widget.getByRole('button', { name: say('en', 'more-trials-see') }).click();
  await widget.locator('.tc-results').waitFor();
  assert.equal(await widget.locator('.tc-results [data-trial-id]').count(), 40);
  assert.deepEqual(p.errors, []);
});

test('a hospital can pin the loader with subresource integrity, and a tampered copy does not run', async () => {
  const { mkdtempSync, cpSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'trialcheck-pinned-'));
  cpSync(DIST, dir, { recursive: true });
  const { loader, integrity } = JSON.parse(read(join(dir, 'integrity.json'), 'utf8'));
  const page = (script) => `<!doctype html><html lang="en"><head><title>Pinned</title></head><body><main>${script}<trial-check trials="NCT07233642"></trial-check></main></body></html>`;
  write(join(dir, 'pinned.html'), page(`<script type="module" src="${loader}" integrity="${integrity[loader]}" crossorigin="anonymous"></script>`));
  // The same file, changed by one comment, under the hash of the original.
  write(join(dir, 'tampered.js'), `${read(join(dir, loader), 'utf8')}\n// changed\n`);
  write(join(dir, 'tampered.html'), page(`<script type="module" src="tampered.js" integrity="${integrity[loader]}" crossorigin="anonymous"></script>`));
  const pinned = await serve(dir);
  try {
    const p = await browser.newPage();
    await p.goto(`${pinned.url}/pinned.html`);
    await p.locator('trial-check .tc-mode').first().waitFor();
    const q = await browser.newPage();
    // The browser refuses it, and says why.
    const refused = q.waitForEvent('console', (m) => /integrity/i.test(m.text()));
    await q.goto(`${pinned.url}/tampered.html`);
    await refused;
    assert.equal(await q.evaluate(() => typeof window.TrialCheck), 'undefined', 'a tampered loader never runs');
    assert.equal(await q.locator('trial-check .tc-mode').count(), 0);
  } finally {
    await pinned.close();
  }
});

test('a sandboxed iframe on a page of another origin sizes itself, remembers on request, saves a file; nothing else can size it', async () => {
  const { mkdtempSync, writeFileSync: write } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'trialcheck-host-'));
  // Another frame on the host page, not TrialCheck's, that tries to resize TrialCheck's.
  write(join(dir, 'evil.html'), `<!doctype html><title>evil</title><script>parent.postMessage({ trialcheck: 'height', height: 7777 }, '*');</script>`);
  write(join(dir, 'host.html'), `<!doctype html><html lang="en"><head><title>A hospital</title></head><body><main>
    <h1>Lupus trials</h1>
    <iframe data-trialcheck src="${server.url}/?trials=NCT06904729" title="TrialCheck" style="width: 100%; border: 0; height: 150px"
      sandbox="allow-scripts allow-same-origin allow-downloads allow-modals"></iframe>
    <iframe src="evil.html" title="other"></iframe>
    <script src="${server.url}/trialcheck-frame.js"></script>
  </main></body></html>`);
  const host = await serve(dir);
  try {
    const p = await browser.newPage({ viewport: PHONE });
    await p.goto(`${host.url}/host.html`);
    const frame = p.locator('iframe[data-trialcheck]');
    const height = () => frame.evaluate((f) => parseFloat(f.style.height));
    // The welcome grows the frame from 150 px to its content.
    await p.waitForFunction(() => parseFloat(document.querySelector('iframe[data-trialcheck]').style.height) > 400);
    const welcome = await height();
    const inside = p.frameLocator('iframe[data-trialcheck]');
    await inside.getByRole('button', { name: 'I am answering for my child' }).click();
    await p.waitForFunction((before) => parseFloat(document.querySelector('iframe[data-trialcheck]').style.height) > before, welcome);
    // Back to the welcome: it shrinks again.
    await inside.getByRole('button', { name: 'Back', exact: true }).click();
    await p.waitForFunction((before) => parseFloat(document.querySelector('iframe[data-trialcheck]').style.height) < before + 1, welcome);
    // Messages from the host's own window or from the other frame change nothing.
    const now = await height();
    await p.evaluate(() => window.postMessage({ trialcheck: 'height', height: 9999 }, '*'));
    await p.locator('iframe[title="other"]').evaluate((f) => { f.src = 'evil.html?again'; });
    await p.waitForFunction(() => document.querySelector('iframe[title="other"]').contentDocument?.readyState === 'complete');
    assert.equal(await height(), now);
    assert.notEqual(await height(), 7777);
    // With exactly the documented sandbox: the opt-in memory and the answers file work.
    await inside.getByRole('button', { name: 'I am answering for my child' }).click();
    await inside.locator('[data-question-id="date_of_birth"] input').fill(ago({ years: 9 }));
    await inside.getByRole('button', { name: 'Next', exact: true }).click();
    await inside.getByLabel('Remember my answers on this device').check();
    const tc = p.frames().find((f) => f.url().startsWith(server.url));
    await tc.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('trialcheck.answers')));
    await inside.getByRole('navigation').getByRole('button', { name: 'Answers', exact: true }).click();
    const download = p.waitForEvent('download');
    await inside.getByRole('button', { name: 'Save answers as a file' }).click();
    assert.match((await download).suggestedFilename(), /^trialcheck-answers-\d{4}-\d{2}-\d{2}\.json$/);
  } finally {
    await host.close();
  }
});

test('a widget keeps its place while it loads, so the host page does not jump', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const context = await browser.newContext({ viewport });
    // Every layout shift the page makes, as Lighthouse counts them (none follows an input here).
    await context.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the wasm back: the page is read before the app can draw anything.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await context.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    const p = await context.newPage();
    await p.goto(`${server.url}/embed-demo.html`);
    const widget = p.locator('trial-check').first();
    await p.waitForFunction(() => document.querySelector('trial-check')?.getBoundingClientRect().height >= 500);
    await p.waitForFunction(() => document.querySelectorAll('trial-check').length === 2);
    const top = () => p.locator('footer').evaluate((f) => f.getBoundingClientRect().top + window.scrollY);
    const footer = await top();
    release();
    await widget.locator('.tc-mode').first().waitFor();
    await p.locator('trial-check').nth(1).locator('[data-question-id]').first().waitFor();
    // Drawn: the layout holds still for ten frames in a row (fonts, styles and both widgets settled).
    await p.waitForFunction(() => new Promise((done) => {
      let last = null, still = 0;
      const frame = () => {
        const now = document.querySelector('footer').getBoundingClientRect().top + window.scrollY;
        still = now === last ? still + 1 : 0;
        last = now;
        if (still >= 10) done(true); else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }));
    // Once drawn, the widget's own height; the footer moved by less than a fifth of the screen.
    const moved = Math.abs((await top()) - footer);
    assert.ok(moved < viewport.height / 5, `the footer moved ${moved} px at ${viewport.width} px`);
    // A widget that starts at a question does not take the focus, nor scroll the page to itself,
    // before the person has touched the page.
    assert.equal(await p.evaluate(() => window.scrollY), 0, `the page scrolled at ${viewport.width} px`);
    assert.equal(await p.evaluate(() => document.activeElement === document.body), true);
    const shifts = await p.evaluate(() => window.__shifts);
    assert.ok(shifts < 0.1, `layout shift ${shifts.toFixed(3)} at ${viewport.width} px (Lighthouse's "good" is under 0.1)`);
    await context.close();
  }
});
