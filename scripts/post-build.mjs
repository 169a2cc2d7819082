// Trunk post_build hook: runs in the staging folder before it becomes dist/,
// and writes, from the files the build actually produced, in this order:
//  1. the app icons (scripts/build/icons.mjs);
//  2. the catalog and one messages file per language, named by their content
//     (scripts/build/data.mjs), and the FHIR Questionnaire and its CodeSystem
//     under the deployment's base, TRIALCHECK_BASE (scripts/build/fhir.mjs);
//  3. the loader and trialcheck.js, which know the names above, and the pages
//     pointed at the loader (scripts/build/loader.mjs); in a release build the
//     loader and wasm-bindgen's glue are minified (scripts/build/minify.mjs);
//  4. the host page's helper for a self-sizing iframe (scripts/build/loader.mjs);
//     integrity.json: the sha384 of the loader, the stylesheet and that helper, for a host
//     page that pins them (scripts/build/integrity.mjs);
//  5. sw.js with the precache list of everything above (scripts/build/service-worker.mjs).
// Any template placeholder left unfilled fails the build.
// Usage: node scripts/post-build.mjs [DIR]   (default: $TRUNK_STAGING_DIR)
import { writeData } from './build/data.mjs';
import { writeFhir } from './build/fhir.mjs';
import { writeIcons } from './build/icons.mjs';
import { writeIntegrity } from './build/integrity.mjs';
import { writeFrameHelper, writeLoader } from './build/loader.mjs';
import { writeServiceWorker } from './build/service-worker.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('no folder given and TRUNK_STAGING_DIR is not set');
const source = new URL('../www/', import.meta.url);

writeIcons(dir);
// The app's FHIR exports name the Questionnaire published under this base.
const data = { ...writeData(dir), fhirBase: writeFhir(dir) };
const loader = writeLoader(dir, source, data);
const frameHelper = writeFrameHelper(dir, source);
writeIntegrity(dir, loader, frameHelper);
const { precache, version } = writeServiceWorker(dir, source);
console.log(`post-build: loader ${loader}, ${precache.length} files precached, version ${version}`);
