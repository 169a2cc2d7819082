// Lighthouse on the release build, served with gzip as a real host would:
// performance score, largest contentful paint, cumulative layout shift and
// total blocking time, for the standalone page and the embed demo, on
// Lighthouse's mobile profile (slow 4G, CPU slowed 4x, simulated) and its
// desktop one. A report, run on demand (`node lighthouse.mjs`), not in CI:
// Lighthouse is fetched once by npx (about 60 MB), and its figures vary
// from run to run by a few points.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve } from './server.mjs';

// Version 12: 13 needs Node 22, and this machine has Node 20.
const LIGHTHOUSE = 'lighthouse@12.8.2';
// Without --disable-dev-shm-usage Chromium's page dies here ("Target closed"): /dev/shm is small.
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';
const server = await serve(undefined, { gzip: true });
const rows = [];
try {
  for (const [name, path] of [['standalone page', '/'], ['embed demo', '/embed-demo.html']]) {
    for (const profile of ['mobile', 'desktop']) {
      const args = ['--yes', LIGHTHOUSE, `${server.url}${path}`, '--output=json', '--quiet', '--only-categories=performance',
        `--chrome-flags=${CHROME_FLAGS}`, ...(profile === 'desktop' ? ['--preset=desktop'] : [])];
      // Not execFileSync: the server answering Lighthouse's browser lives in this process.
      const { stdout } = await promisify(execFile)('npx', args, {
        encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
      });
      const report = JSON.parse(stdout);
      const audit = (id) => report.audits[id]?.numericValue;
      rows.push({
        page: name, profile,
        performance: Math.round(report.categories.performance.score * 100),
        'LCP (s)': (audit('largest-contentful-paint') / 1000).toFixed(1),
        CLS: audit('cumulative-layout-shift').toFixed(3),
        'TBT (ms)': Math.round(audit('total-blocking-time')),
      });
    }
  }
} finally {
  await server.close();
}
console.log(`Lighthouse ${LIGHTHOUSE.split('@')[1]}, gzip, ${new Date().toISOString().slice(0, 10)}`);
console.table(rows);
