// The yardstick for TrialCheck's first question: the same first form drawn by
// SurveyJS 2.5 (survey-core + survey-js-ui, the library's plain-JS build, from
// node_modules: nothing fetched from a CDN). The questions, their words and
// their help come from TrialCheck's own build, so both pages show the same
// form. Used by bench-first-screen.mjs; a report, not a test.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './server.mjs';

// Their packages export no package.json, so they are read where npm put them.
const MODULES = new URL('./node_modules/', import.meta.url).pathname;

/** A folder with a SurveyJS page of the child's first form; serve it, then `remove()`. */
export function surveyPage() {
  const messagesFile = readdirSync(DIST).find((f) => /^messages-en-.*\.json$/.test(f));
  const catalogFile = readdirSync(DIST).find((f) => /^catalog-.*\.json$/.test(f));
  if (!messagesFile || !catalogFile) throw new Error(`no release build in ${DIST}: run trunk build --release first`);
  const words = JSON.parse(readFileSync(join(DIST, messagesFile), 'utf8')).en;
  const questions = JSON.parse(readFileSync(join(DIST, catalogFile), 'utf8')).questions;
  const say = (id) => {
    if (words[id] === undefined) throw new Error(`no message ${id}`);
    return words[id];
  };
  const dontKnow = { value: 'dont_know', text: say('answer-dont-know') };
  const choices = (id) => {
    const question = questions.find((q) => q.id === id);
    if (!question) throw new Error(`no question ${id} in the catalog`);
    return [...question.options.map((o) => ({ value: o, text: say(`option-${id}-${o}`) })), dontKnow];
  };
  const json = {
    title: say('form-about_you-child'),
    description: say('form-help'),
    elements: [
      { type: 'text', inputType: 'date', name: 'date_of_birth', title: say('question-date_of_birth-child'), description: say('question-date_of_birth-help') },
      { type: 'radiogroup', name: 'sex', title: say('question-sex-child'), description: say('question-sex-help'), choices: choices('sex') },
      { type: 'radiogroup', name: 'daily_activity', title: say('question-daily_activity-child'), description: say('question-daily_activity-help'), choices: choices('daily_activity') },
      { type: 'boolean', name: 'lab_report', title: say('lab-report-question'), description: say('form-lab-report-help') },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'surveyjs-'));
  const core = join(MODULES, 'survey-core');
  const ui = join(MODULES, 'survey-js-ui');
  copyFileSync(join(core, 'survey.core.min.js'), join(dir, 'survey.core.min.js'));
  // The fontless theme: the default one fetches Open Sans from Google's servers.
  copyFileSync(join(core, 'survey-core.fontless.min.css'), join(dir, 'survey-core.fontless.min.css'));
  copyFileSync(join(ui, 'survey-js-ui.min.js'), join(dir, 'survey-js-ui.min.js'));
  writeFileSync(join(dir, 'survey.js'), `new Survey.Model(${JSON.stringify(json)}).render(document.getElementById('survey'));\n`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${say('form-about_you-child')}</title>
<link rel="stylesheet" href="survey-core.fontless.min.css" />
<script defer src="survey.core.min.js"></script>
<script defer src="survey-js-ui.min.js"></script>
<script defer src="survey.js"></script>
</head>
<body><div id="survey"></div></body>
</html>
`);
  return {
    dir,
    version: JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')).version,
    // The first question's input, as TrialCheck's is waited for by its element.
    question: 'input[type="date"]',
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
