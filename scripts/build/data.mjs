// The trials and the words, as data beside the code: for each language, the
// checked catalog with its texts in that language only and the messages,
// each named by its content, written by the command-line tool from catalog/
// and locales/ (the same code that checks them). The app fetches only the
// files of the language it shows.
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

/** Writes the data files into `dir`; returns their names: { catalogs: { lang: name }, messages: { lang: name } }. */
export function writeData(dir) {
  const write = (stem, json) => {
    const text = JSON.stringify(JSON.parse(json));
    const name = `${stem}-${hash(text)}.json`;
    writeFileSync(join(dir, name), text);
    return name;
  };
  const languages = readdirSync(new URL('locales/', root)).filter((f) => f.endsWith('.toml')).map((f) => f.slice(0, -5)).sort();
  const each = (stem, args) => Object.fromEntries(languages.map((lang) => [lang, write(`${stem}-${lang}`, cli([...args, lang]))]));
  return { catalogs: each('catalog', ['export-catalog', '--lang']), messages: each('messages', ['export-messages']) };
}
