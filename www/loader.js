// TrialCheck's loader: one script for the standalone app, the iframe page
// and embedding on any site. The build fills in the hashed file names
// (scripts/post-build.mjs) and names this file by its content, so that a
// page always loads one consistent set of files.
//
//   <script type="module" src="https://example.org/trialcheck/trialcheck.js"></script>
//   <trial-check trials="NCT06904729,NCT07233642" lang="vi"></trial-check>
//
// or TrialCheck.mount(element, { trials, lang, mode, accent, catalog, countries }).

const BUILD = { glue: '__GLUE__', wasm: '__WASM__', css: '__CSS__', cssIntegrity: '__CSS_INTEGRITY__', version: '__VERSION__' };
// The catalog and the messages in each language, fetched by the app as it needs them.
const DATA = __DATA__;
/** Room kept while a widget loads (www/reserve.json; trialcheck-host.css says the same before any script runs). */
const RESERVE = __RESERVE__;
const asset = (name) => new URL(name, import.meta.url).href;

/** The data files' addresses, next to this script's. */
const files = () => ({
  catalogs: Object.fromEntries(Object.entries(DATA.catalogs).map(([lang, name]) => [lang, asset(name)])),
  messages: Object.fromEntries(Object.entries(DATA.messages).map(([lang, name]) => [lang, asset(name)])),
  // Where this deployment publishes the FHIR Questionnaire its exports answer.
  fhir_base: DATA.fhirBase,
  questionnaire: asset('fhir/Questionnaire/trialcheck-lupus.json'),
});

/**
 * Each file the app reads is fetched once per page, without cookies or
 * referrer, and as early as possible: the catalog and the messages in the
 * likely language start downloading beside the wasm, not after it. The app asks for them
 * through `window.__trialcheckFetch`.
 */
const fetched = new Map();
function fetchText(url) {
  if (!fetched.has(url)) {
    const text = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`the server answered ${r.status}`))));
    // A file fetched ahead and never asked for (a language guessed wrong) must not be
    // reported as an unhandled failure; the app, when it asks, still gets the error.
    text.catch(() => undefined);
    fetched.set(url, text);
  }
  return fetched.get(url);
}
window.__trialcheckFetch ??= fetchText;

/** The language the app will most likely show: as Rust's settings choose it. */
function likelyLanguage(lang) {
  const wanted = [lang, ...(navigator.languages ?? [])].filter(Boolean).map((l) => l.toLowerCase().split(/[-_]/)[0]);
  return wanted.find((l) => l in DATA.messages) ?? 'en';
}

function prefetch(lang) {
  const language = likelyLanguage(lang);
  fetchText(asset(DATA.catalogs[language]));
  fetchText(asset(DATA.messages[language]));
}

/**
 * Until the app is ready: its header (title, privacy promise, and the
 * language picker's room) and, where it starts at the welcome, the welcome's
 * text (not its buttons, nor the line about the trials, which needs the
 * catalog), in the words of the messages file the app itself reads, so that
 * the first paint is text rather than an empty box, and the app's own then
 * takes exactly its place (styles.css hides this once the app has drawn).
 * Built with textContent: no markup from any file.
 */
async function preview(container, lang, { welcome = false, standalone = false } = {}) {
  const language = likelyLanguage(lang);
  // Unreadable: no preview; the app fetches the same file and shows what went wrong.
  const all = await fetchText(asset(DATA.messages[language])).then(JSON.parse, () => null);
  const words = all?.[language];
  if (!words || container.querySelector('.tc')) return;
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  };
  const picker = el('span', 'tc-language tc-preview-room');
  picker.append(el('span', '', words['language-label']), el('select'));
  picker.setAttribute('aria-hidden', 'true');
  const header = el('header', 'tc-header');
  header.append(picker, el('h1', '', words['app-title']), el('p', 'tc-promise', words['privacy-promise']));
  const shown = el('div', 'tc');
  shown.dataset.preview = 'true';
  shown.lang = language;
  shown.append(header);
  if (welcome) {
    // The same elements and classes as the app's welcome (src/web/components/welcome.rs).
    const section = el('section', 'tc-welcome tc-panel');
    const promises = el('ul', 'tc-promises');
    promises.append(el('li', '', words['welcome-not']), el('li', '', words['welcome-private']));
    section.append(el('h2', '', words['welcome-who']), el('p', '', words['welcome-what']), promises);
    const main = standalone ? el('main') : el('section', 'tc-main');
    main.append(section);
    shown.append(main);
  }
  container.prepend(shown);
  // Once the app has drawn (styles.css hides the preview in that same frame), it goes:
  // one header in the document, for screen readers and for anyone reading the page.
  const drawn = new MutationObserver(() => {
    if (container.querySelector(':scope > .tc:not([data-preview]), :scope > [data-failure]')) {
      shown.remove();
      drawn.disconnect();
    }
  });
  drawn.observe(container, { childList: true });
}

let started;
/** Loads the app once per page; resolves to Rust's mount function. */
function start() {
  if (!started) {
    // The wasm downloads (and compiles, as it streams) beside the glue, rather than
    // once the glue has arrived and run: a quarter of a second sooner on a phone.
    const wasm = fetch(asset(BUILD.wasm), { credentials: 'omit', referrerPolicy: 'no-referrer' });
    // A failure reaches the glue, which awaits it below: not reported twice meanwhile.
    wasm.catch(() => undefined);
    started = import(asset(BUILD.glue)).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return window.__trialcheckMount;
    });
  }
  return started;
}

const OPTIONS = ['trials', 'lang', 'mode', 'accent', 'catalog', 'countries'];

/** The height a widget keeps for itself while it loads, about its first screen's
 * (the welcome, or the first form of questions with the verdicts beside or
 * below it), so the host page does not jump when it arrives. */
function reserve(width, question) {
  const band = RESERVE.widths.filter((w) => width >= w).length;
  return (question ? RESERVE.question : RESERVE.welcome)[band];
}

/** Mounts a widget in its own shadow root: its styles and the page's stay apart. */
async function mount(element, options = {}) {
  if (!options.catalog) prefetch(options.lang);
  // Reserve the place at once (through the CSSOM, which a strict CSP allows), and
  // start the stylesheet beside the wasm.
  element.style.display = 'block';
  element.style.minHeight = `${reserve(element.getBoundingClientRect().width, Boolean(options.mode))}px`;
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = asset(BUILD.css);
  style.integrity = BUILD.cssIntegrity;
  style.crossOrigin = 'anonymous';
  const container = document.createElement('div');
  container.className = 'tc-host';
  shadow.replaceChildren(style, container);
  if (!options.catalog) preview(container, options.lang, { welcome: !options.mode });
  const rustMount = await start();
  const picked = Object.fromEntries(OPTIONS.filter((k) => options[k] != null).map((k) => [k, String(options[k])]));
  // The reservation ends when the first screen is drawn (not the empty loading state):
  // from then on the widget has its own height.
  const drawn = new ResizeObserver(() => {
    if (container.querySelector('h2, [data-failure]')) {
      // Its own height from now on, whatever the host's trialcheck-host.css reserved.
      element.style.minHeight = '0';
      drawn.disconnect();
    }
  });
  drawn.observe(container);
  return rustMount(container, { ...picked, data: files() });
}

class TrialCheckElement extends HTMLElement {
  connectedCallback() {
    const options = Object.fromEntries(OPTIONS.map((k) => [k, this.getAttribute(k)]));
    this.handle = mount(this, options);
  }

  disconnectedCallback() {
    this.handle?.then((h) => h.destroy());
  }
}

if (!customElements.get('trial-check')) customElements.define('trial-check', TrialCheckElement);
window.TrialCheck = { mount, version: BUILD.version };

// The standalone app (and the iframe page): options from the address, never answers.
const page = document.getElementById('trialcheck');
if (page) {
  const params = new URLSearchParams(location.search);
  const options = Object.fromEntries(OPTIONS.filter((k) => params.has(k) && k !== 'catalog' && k !== 'accent').map((k) => [k, params.get(k)]));
  prefetch(options.lang);
  // Inside an iframe: tell the host page the content's height (and nothing else),
  // so that trialcheck-frame.js can size the frame without scroll-in-scroll.
  if (window.parent !== window && 'ResizeObserver' in window) {
    let last = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ trialcheck: 'height', height }, '*');
      }
    }).observe(document.documentElement);
  }
  preview(page, options.lang, { welcome: !options.mode, standalone: true });
  start().then((rustMount) => rustMount(page, { ...options, data: files() }));
  // Offline: only where this script is the page's own (not on a host site).
  if ('serviceWorker' in navigator && new URL(import.meta.url).origin === location.origin) {
    // Under Trusted Types (the standalone page's CSP) a worker's address must come
    // from a policy: this one accepts only this build's own service worker.
    const policy = window.trustedTypes?.createPolicy('trialcheck', {
      createScriptURL: (url) => {
        if (url !== asset('sw.js')) throw new TypeError(`not TrialCheck's service worker: ${url}`);
        return url;
      },
    });
    const worker = policy ? policy.createScriptURL(asset('sw.js')) : asset('sw.js');
    // Offline use is an extra: a page that cannot register one still works online.
    navigator.serviceWorker.register(worker).catch((e) => console.warn('TrialCheck works online only here:', e));
  }
}
