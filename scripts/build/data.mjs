// The trials and the words, as data beside the code: the checked catalog and
// one messages file per language, each named by its content, written by the
// command-line tool from catalog/ and locales/ (the same code that checks
// them). The app fetches the catalog and only the language it shows.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash } from './files.mjs';

const root = new URL('../../', import.meta.url);

// The tool is built for this machine, whatever target the app's build names.
const { CARGO_BUILD_TARGET, ...env } = process.env;

function cli(args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'trialcheck', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env,
  });
}

/** Writes the data files into `dir`; returns their names: { catalog, messages: { lang: name } }. */
export function writeData(dir) {
  const write = (stem, json) => {
    const text = JSON.stringify(JSON.parse(json));
    const name = `${stem}-${hash(text)}.json`;
    writeFileSync(join(dir, name), text);
    return name;
  };
  const catalog = write('catalog', cli(['export-catalog']));
  const languages = readdirSync(new URL('locales/', root)).filter((f) => f.endsWith('.toml')).map((f) => f.slice(0, -5)).sort();
  const messages = Object.fromEntries(languages.map((lang) => [lang, write(`messages-${lang}`, cli(['export-messages', lang]))]));
  return { catalog, messages };
}
