// Trunk post_build hook: runs in the staging folder before it becomes dist/,
// and writes, from the files the build actually produced, in this order:
//  1. the app icons (scripts/build/icons.mjs);
//  2. the loader and trialcheck.js, and the pages pointed at the loader
//     (scripts/build/loader.mjs);
//  3. sw.js with the precache list of everything above (scripts/build/service-worker.mjs).
// Any template placeholder left unfilled fails the build.
// Usage: node scripts/post-build.mjs [DIR]   (default: $TRUNK_STAGING_DIR)
import { writeIcons } from './build/icons.mjs';
import { writeLoader } from './build/loader.mjs';
import { writeServiceWorker } from './build/service-worker.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('no folder given and TRUNK_STAGING_DIR is not set');
const source = new URL('../www/', import.meta.url);

writeIcons(dir);
const loader = writeLoader(dir, source);
const { precache, version } = writeServiceWorker(dir, source);
console.log(`post-build: loader ${loader}, ${precache.length} files precached, version ${version}`);
