// The FHIR Questionnaire the app's "Save for a clinic system" answers, and
// the CodeSystem of its answer options, published under the deployment's
// base: TRIALCHECK_BASE, the absolute address the build will be served from
// (unset: http://127.0.0.1:8080/, where scripts/serve serves it). Written at
// their canonical addresses, `fhir/Questionnaire/trialcheck-lupus` and
// `fhir/CodeSystem/trialcheck-lupus-options` (and with `.json` for a browser).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url);
const { CARGO_BUILD_TARGET, ...env } = process.env;
export const LOCAL_BASE = 'http://127.0.0.1:8080/';

/** Writes the Questionnaire and the CodeSystem into `dir`; returns the base they carry. */
export function writeFhir(dir) {
  const base = process.env.TRIALCHECK_BASE || LOCAL_BASE;
  if (!process.env.TRIALCHECK_BASE) {
    console.log(`post-build: the FHIR Questionnaire's base is the local ${LOCAL_BASE}; a deployment sets its own: TRIALCHECK_BASE=https://your-site.example/trialcheck/ trunk build --release`);
  }
  const cli = (args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'trialcheck', '--', ...args, '--base', base], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, env,
  });
  for (const [folder, name, args] of [
    ['Questionnaire', 'trialcheck-lupus', ['fhir-questionnaire']],
    ['CodeSystem', 'trialcheck-lupus-options', ['fhir-questionnaire', '--code-system']],
  ]) {
    const text = JSON.stringify(JSON.parse(cli(args)));
    mkdirSync(join(dir, 'fhir', folder), { recursive: true });
    writeFileSync(join(dir, 'fhir', folder, name), text);
    writeFileSync(join(dir, 'fhir', folder, `${name}.json`), text);
  }
  return base.endsWith('/') ? base : `${base}/`;
}
