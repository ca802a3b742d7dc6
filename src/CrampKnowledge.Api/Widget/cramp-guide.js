/*!
 * <cramp-guide> v1: the CrampKnowledge widget. One dependency-free file, no build step.
 *
 * Embed it with two lines (as a classic script or with type="module"):
 *
 *   <script src="https://YOUR-API-HOST/widget/v1/cramp-guide.js" defer></script>
 *   <cramp-guide></cramp-guide>
 *
 * Attributes
 *   api-base  Where the CrampKnowledge API lives (origin, optionally with a path).
 *             Default: the server this script was loaded from.
 *   lang      Language of the labels. "en" (default); a language LABELS lacks falls back to English.
 *             Add one with customElements.get('cramp-guide').labels.xx = { ... } (missing keys fall back too).
 *   layout    "full" (default): two columns when there is room, quotes shown in full.
 *             "compact": one column, quotes folded under "Sources".
 *
 * CSS custom properties (set them on cramp-guide or any ancestor)
 *   --cramp-guide-font                  font family             (the system UI font)
 *   --cramp-guide-font-size             base font size          (1rem)
 *   --cramp-guide-accent                buttons, selection, links (#0b6477)
 *   --cramp-guide-accent-text           text on the accent      (#ffffff)
 *   --cramp-guide-background            widget background       (#ffffff)
 *   --cramp-guide-surface               panels and list hover   (#f4f7f9)
 *   --cramp-guide-text                  body text               (#1d2730)
 *   --cramp-guide-muted                 secondary text          (#4f5d6b)
 *   --cramp-guide-border                borders                 (#d3dbe2)
 *   --cramp-guide-red-flag              red-flag text and edge  (#b42318)
 *   --cramp-guide-red-flag-background   red-flag panels         (#fdf2f1)
 *   --cramp-guide-unknown               "cannot assess" text and edge (#7a4a00)
 *   --cramp-guide-unknown-background    "cannot assess" panel   (#fff6e0)
 *   --cramp-guide-focus                 keyboard focus outline  (the accent)
 *   --cramp-guide-radius                corner radius           (10px)
 *
 * Searching (Enter or the Search button) also runs the red-flag check (POST /api/v1/red-flags/check) on
 * the words typed and shows its answer: see a doctor promptly or soon (red), words the check cannot
 * assess (amber, with the API's note), or no warning sign matched (neutral, never an all-clear).
 *
 * Events: "cramp-guide-select" (bubbles, composed) with detail { id, name } when a cause is shown.
 *
 * Works under a strict Content-Security-Policy: styles are constructable stylesheets (no <style>, no
 * style attributes), no inline handlers, no eval; every text from the API goes in through textContent.
 * Respects prefers-reduced-motion. All of it works by keyboard: Tab, Shift+Tab, arrows, Home, End,
 * Enter and Space.
 */
(() => {
  'use strict';

  if (!window.customElements || window.customElements.get('cramp-guide')) {
    return;
  }

  const VERSION = '1.0.0';
  const API_SCRIPT = /\/widget\/v1\/cramp-guide\.js(?:[?#].*)?$/;

  // Read while the script runs: document.currentScript is only set then, and never for modules.
  const script = document.currentScript
    || Array.from(document.querySelectorAll('script[src]')).find((s) => /\/cramp-guide\.js(?:[?#].*)?$/.test(s.src));
  // Served by the API: the API is where the script came from (keeping any path prefix). Copied
  // elsewhere: the script's origin, unless api-base says otherwise.
  const SCRIPT_BASE = !script ? window.location.origin
    : API_SCRIPT.test(script.src) ? script.src.replace(API_SCRIPT, '') : new URL(script.src).origin;

  /**
   * Every label the widget shows, by language. A translation is one more entry here; keys it lacks
   * fall back to English. "{name}" placeholders are filled in; { one, other } entries are plurals.
   */
  const LABELS = {
    en: {
      title: 'Leg and foot cramps',
      intro: 'Pick a likely cause, or describe your cramps in your own words, to see what helps, how to prevent them and when to see a doctor. Every point names its source.',
      pickerHeading: 'Find the cause',
      searchLabel: 'Describe your cramps',
      searchHint: 'For example “cramps at night” or “water pills”. Then press the down arrow to reach the causes.',
      searchButton: 'Search',
      allCauses: 'All causes, best supported first',
      matchingCauses: 'Causes matching “{query}”',
      showAllCauses: 'Show all causes',
      noCauseMatched: 'No cause matched “{query}”.',
      didYouMean: 'Did you mean:',
      otherMatches: 'Also found',
      types: { cause: 'Cause', treatment: 'What helps', prevention: 'Prevention', 'red-flag': 'See a doctor' },
      sourceCount: { one: '1 source', other: '{count} sources' },
      loadingCauses: 'Loading causes…',
      ready: { one: '1 cause. Pick it, or describe your cramps.', other: '{count} causes. Pick one, or describe your cramps.' },
      searching: 'Searching for “{query}”…',
      searchDone: { one: '1 cause matches “{query}”.', other: '{count} causes match “{query}”.' },
      loadingCause: 'Loading {name}…',
      causeShown: 'Showing {name}: {treatments}, {preventions}, {redFlags}.',
      treatmentCount: { one: '1 thing that helps', other: '{count} things that help' },
      preventionCount: { one: '1 way to prevent it', other: '{count} ways to prevent it' },
      redFlagCount: { one: '1 reason to see a doctor', other: '{count} reasons to see a doctor' },
      whatTheSourcesSay: 'What the sources say',
      contested: 'The sources disagree: {topic}.',
      whatHelps: 'What helps',
      howToPrevent: 'How to prevent it',
      causeRedFlags: 'See a doctor if',
      whenToSeeADoctor: 'When to see a doctor',
      whenToSeeADoctorLead: 'See a doctor or other clinician if any of these apply to you.',
      alwaysSeeADoctor: 'Always see a doctor if…',
      cautions: { one: 'Take care with 1 treatment', other: 'Take care with {count} treatments' },
      noTreatments: 'The sources name nothing specific that helps with this cause.',
      noPreventions: 'The sources name no specific way to prevent this cause.',
      noCauseRedFlags: 'No warning sign is linked to this cause in the sources; the general ones below still apply.',
      redFlagsUnavailable: 'See a doctor if cramps are frequent, severe or persistent, keep disturbing your sleep, come with leg pain when walking, or leave soreness that lasts into the next day.',
      urgency: { 'see-doctor': 'See a doctor', 'see-specialist': 'See a specialist', caution: 'Caution' },
      certainty: { established: 'stated firmly', common: 'described as common', possible: 'described as possible', doubtful: 'doubted' },
      sources: 'Sources',
      sourcesLoading: 'Loading sources…',
      sourcesFailed: 'The sources could not be loaded.',
      source: 'Source:',
      opensInNewTab: '(opens in a new tab)',
      disclaimerLead: 'Not medical advice.',
      disclaimer: 'General information drawn from the cited articles, not medical advice, diagnosis or treatment. Talk to a doctor or other qualified clinician about your own symptoms, and see one if any red flag applies.',
      errorUnreachable: 'The cramp guide could not reach its server. Check your connection and try again.',
      errorBusy: 'The cramp guide is busy right now. Please try again in {seconds} seconds.',
      errorQuery: 'Type a few words, for example “cramps at night”.',
      errorNotFound: 'That cause could not be found.',
      retry: 'Try again',
      checking: 'Checking “{query}” against the warning signs…',
      checkTitle: {
        promptly: 'See a doctor promptly',
        soon: 'See a doctor soon',
        unknown: 'The guide cannot assess everything you described',
        none: 'No warning sign from the articles matched',
      },
      checkLead: {
        promptly: 'The articles call seeing a healthcare professional essential for what you describe:',
        soon: 'The articles say to see a doctor about what you describe:',
        unknown: 'No warning sign from the articles matched, but that is not an all-clear.',
        none: 'Nothing you described matches a warning sign the articles name.',
      },
      checkNotAllClear: 'This is not an all-clear: the articles cover only some warning signs. If you are worried, see a doctor or other clinician.',
      checkFor: 'What you described: “{description}”',
      checkUnassessed: 'Not assessed:',
      checkCautions: 'Take care:',
      checkFailed: 'The warning-sign check could not run.',
    },
  };

  const STYLES = `
:host {
  --_accent: var(--cramp-guide-accent, #0b6477);
  --_accent-text: var(--cramp-guide-accent-text, #ffffff);
  --_background: var(--cramp-guide-background, #ffffff);
  --_surface: var(--cramp-guide-surface, #f4f7f9);
  --_text: var(--cramp-guide-text, #1d2730);
  --_muted: var(--cramp-guide-muted, #4f5d6b);
  --_border: var(--cramp-guide-border, #d3dbe2);
  --_red: var(--cramp-guide-red-flag, #b42318);
  --_red-background: var(--cramp-guide-red-flag-background, #fdf2f1);
  --_amber: var(--cramp-guide-unknown, #7a4a00);
  --_amber-background: var(--cramp-guide-unknown-background, #fff6e0);
  --_focus: var(--cramp-guide-focus, var(--_accent));
  --_radius: var(--cramp-guide-radius, 10px);
  display: block;
  container: cramp-guide / inline-size;
  color: var(--_text);
  font-family: var(--cramp-guide-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--cramp-guide-font-size, 1rem);
  line-height: 1.5;
  text-align: start;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.guide {
  background: var(--_background);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 1.25rem 1.5rem 1rem;
}
h2, h3, h4 { margin: 0; line-height: 1.25; }
h2 { font-size: 1.375em; }
h3 { font-size: 1.125em; }
h4 { font-size: 1em; }
p { margin: 0; }
ul { margin: 0; padding: 0; list-style: none; }
a { color: var(--_accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.header { display: grid; gap: .375rem; margin-bottom: 1rem; }
.intro { color: var(--_muted); max-width: 60em; }
.status-row { display: flex; align-items: center; gap: .75rem; min-height: 1.5em; margin-bottom: .75rem; flex-wrap: wrap; }
.status { color: var(--_muted); font-size: .9375em; }
.status[data-kind="error"] {
  color: var(--_red); font-weight: 600; background: var(--_red-background);
  border-radius: calc(var(--_radius) / 2); padding: .375rem .625rem;
}
button {
  font: inherit; color: var(--_accent-text); background: var(--_accent);
  border: 1px solid var(--_accent); border-radius: calc(var(--_radius) / 1.5);
  padding: .5rem 1rem; cursor: pointer; transition: filter .15s ease, background-color .15s ease;
}
button:hover { filter: brightness(1.1); }
button.secondary { color: var(--_accent); background: transparent; }
button.link {
  color: var(--_accent); background: none; border: none; padding: .125rem .25rem;
  text-decoration: underline; text-underline-offset: 2px;
}
.columns { display: grid; gap: 1.5rem; }
@container cramp-guide (min-width: 46rem) {
  :host(:not([layout="compact"])) .columns { grid-template-columns: minmax(15rem, 2fr) 3fr; align-items: start; }
}
.picker { display: grid; gap: .625rem; }
.search { display: grid; gap: .375rem; }
.search label { font-weight: 600; }
.search-row { display: flex; gap: .5rem; }
.search input {
  flex: 1; min-width: 0; font: inherit; color: var(--_text); background: var(--_background);
  border: 1px solid var(--_muted); border-radius: calc(var(--_radius) / 1.5); padding: .5rem .75rem;
}
.hint { color: var(--_muted); font-size: .875em; }
.list-label { font-weight: 600; font-size: .9375em; margin-top: .25rem; }
.listbox {
  max-height: 22rem; overflow-y: auto; border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) / 1.5); padding: .25rem; background: var(--_background);
}
.option {
  display: flex; justify-content: space-between; align-items: baseline; gap: .75rem;
  padding: .5rem .625rem; border-radius: calc(var(--_radius) / 2); cursor: pointer;
  transition: background-color .15s ease, color .15s ease;
}
.option:hover { background: var(--_surface); }
.option:focus-visible { outline-offset: -3px; }
.option[aria-selected="true"] { background: var(--_accent); color: var(--_accent-text); }
.option[aria-selected="true"] .option-meta { color: inherit; }
.option-name { font-weight: 500; }
.option-meta { color: var(--_muted); font-size: .8125em; white-space: nowrap; }
.suggestions { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem; }
.other-matches { display: grid; gap: .5rem; margin-top: .5rem; }
.others { display: grid; gap: .5rem; }
.other { border-left: 3px solid var(--_border); padding: .125rem 0 .125rem .625rem; }
.other[data-red-flag] { border-left-color: var(--_red); }
.results { display: grid; gap: 1.25rem; min-width: 0; }
.cause { display: grid; gap: 1rem; animation: cramp-guide-appear .2s ease-out; }
.cause-title { font-size: 1.25em; }
.cause-summary { font-size: 1.0625em; }
.block { display: grid; gap: .625rem; }
.block > h4 { color: var(--_accent); text-transform: uppercase; letter-spacing: .04em; font-size: .8125em; }
.items { display: grid; gap: .75rem; }
.item { background: var(--_surface); border-radius: calc(var(--_radius) / 1.5); padding: .75rem .875rem; display: grid; gap: .375rem; }
.item-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .625rem; }
.item-name { font-weight: 650; }
.empty { color: var(--_muted); font-style: italic; }
.chip {
  display: inline-block; font-size: .75em; font-weight: 700; letter-spacing: .03em; text-transform: uppercase;
  padding: .0625rem .5rem; border-radius: 999px; border: 1px solid currentColor; color: var(--_muted);
}
.citations { display: grid; gap: .5rem; }
.citation { display: grid; gap: .125rem; }
blockquote {
  margin: 0; padding: .125rem 0 .125rem .75rem; border-left: 3px solid var(--_border);
  font-style: italic;
}
.cite { color: var(--_muted); font-size: .875em; }
details > summary { cursor: pointer; color: var(--_accent); font-size: .875em; width: fit-content; }
details[open] > summary { margin-bottom: .375rem; }
.note { border-left: 3px solid var(--_muted); padding-left: .75rem; color: var(--_muted); }
.red-flags {
  border: 2px solid var(--_red); border-left-width: 6px; border-radius: var(--_radius);
  background: var(--_red-background); padding: .875rem 1rem; display: grid; gap: .625rem;
}
.red-flags > h3, .red-flags > h4 { color: var(--_red); display: flex; align-items: center; gap: .5rem; font-size: 1.0625em; text-transform: none; letter-spacing: 0; }
.red-flags > h3::before, .red-flags > h4::before {
  content: "!"; content: "!" / ""; display: inline-grid; place-items: center; flex: none; width: 1.375em; height: 1.375em;
  border-radius: 50%; background: var(--_red); color: #ffffff; font-size: .875em; font-weight: 800;
}
.red-flags .item { background: var(--_background); border-left: 3px solid var(--_red); }
.red-flags .item-name { color: var(--_red); }
.red-flags .chip { color: var(--_red); }
.red-flags.general:not(.short) .item {
  background: none; border: none; border-radius: 0; padding: .625rem 0 0;
  border-top: 1px solid color-mix(in srgb, var(--_red) 22%, transparent);
}
.red-flags .cautions > summary { color: var(--_red); font-size: .9375em; font-weight: 600; }
.red-flags .cautions[open] > summary { margin-bottom: 0; }
.red-flags.short ul { display: grid; gap: .25rem; padding-left: 1.25rem; list-style: disc; }
.red-flags.short li::marker { color: var(--_red); }
.check {
  border: 2px solid var(--_border); border-left-width: 6px; border-radius: var(--_radius);
  background: var(--_surface); padding: .875rem 1rem; display: grid; gap: .5rem; animation: cramp-guide-appear .2s ease-out;
}
.check > h3 { font-size: 1.0625em; }
.check[data-check="promptly"], .check[data-check="soon"] { border-color: var(--_red); background: var(--_red-background); }
.check[data-check="promptly"] > h3, .check[data-check="soon"] > h3 { color: var(--_red); }
.check[data-check="unknown"] { border-color: var(--_amber); background: var(--_amber-background); }
.check[data-check="unknown"] > h3 { color: var(--_amber); }
.check ul { display: grid; gap: .25rem; padding-left: 1.25rem; list-style: disc; }
.unassessed { font-weight: 600; }
.disclaimer {
  margin-top: 1.25rem; padding-top: .75rem; border-top: 1px solid var(--_border);
  color: var(--_muted); font-size: .8125em;
}
.disclaimer strong { color: var(--_text); }
:host([layout="compact"]) .guide { padding: 1rem; }
:host([layout="compact"]) .header { margin-bottom: .75rem; }
:host([layout="compact"]) .intro { display: none; }
:host([layout="compact"]) .columns { gap: 1rem; }
:host([layout="compact"]) .listbox { max-height: 12rem; }
:host([layout="compact"]) .item { padding: .5rem .625rem; }
:host([layout="compact"]) .other .cite { display: none; }
@keyframes cramp-guide-appear { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .option[aria-selected="true"] { outline: 2px solid Highlight; }
  .red-flags, .check { border-color: CanvasText; }
}
`;

  // One sheet shared by every instance. Constructable stylesheets are not blocked by a CSP
  // without 'unsafe-inline', unlike <style> elements and style attributes.
  let sharedSheet = null;
  function adoptStyles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(STYLES);
      }
      root.adoptedStyleSheets = [sharedSheet];
      return true;
    }
    // Browsers without constructable stylesheets (pre-2023): a <style> element, which a strict CSP blocks.
    const style = document.createElement('style');
    style.textContent = STYLES;
    root.append(style);
    return false;
  }

  // Requests shared by every instance on the page, so three widgets cost one request per URL.
  const requests = new Map();
  const MAX_CACHED = 100;

  /** A POST is never shared or cached: each check is its own question. */
  async function postJson(url, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15000);
    try {
      const response = await fetch(url, {
        method: 'POST', body: JSON.stringify(body), credentials: 'omit', signal: controller.signal,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      });
      if (!response.ok) {
        const error = new Error(`HTTP ${response.status} from ${url}`);
        error.status = response.status;
        error.retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10) || 0;
        throw error;
      }
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  }

  function getJson(url) {
    let request = requests.get(url);
    if (!request) {
      request = fetchJson(url);
      requests.set(url, request);
      request.catch(() => requests.delete(url));
      if (requests.size > MAX_CACHED) {
        requests.delete(requests.keys().next().value);
      }
    }
    return request;
  }

  async function fetchJson(url) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15000);
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal: controller.signal });
      if (!response.ok) {
        const error = new Error(`HTTP ${response.status} from ${url}`);
        error.status = response.status;
        error.retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10) || 0;
        throw error;
      }
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Creates an element; attribute values and children only ever become attributes and text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'text') {
        node.textContent = String(value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  const MAX_OTHER_MATCHES = 4;
  const URGENCY_ORDER = { 'see-specialist': 0, 'see-doctor': 0, caution: 1 };
  const SEES_DOCTOR = (flag) => flag.urgency === 'see-doctor' || flag.urgency === 'see-specialist';

  class CrampGuideElement extends HTMLElement {
    static get observedAttributes() {
      return ['api-base', 'lang', 'layout'];
    }

    /** The label table; add a language by adding an entry. */
    static get labels() {
      return LABELS;
    }

    static get version() {
      return VERSION;
    }

    constructor() {
      super();
      this._root = this.attachShadow({ mode: 'open' });
      this._constructedStyles = adoptStyles(this._root);
      this._state = CrampGuideElement._emptyState();
      this._sequence = { load: 0, search: 0, cause: 0, check: 0 };
      this._debounce = 0;
      this._retry = null;
      this._refs = null;
    }

    static _emptyState() {
      return {
        causes: null, flags: null, flagsFailed: false, query: '', shown: null, others: [], suggestions: [],
        active: 0, picked: null, detail: null, disclaimer: null, status: null, check: null,
      };
    }

    connectedCallback() {
      if (!this._refs) {
        this._build();
        this._load();
      }
    }

    disconnectedCallback() {
      clearTimeout(this._debounce);
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this._refs || oldValue === newValue) {
        return;
      }
      if (name === 'api-base') {
        this._state = CrampGuideElement._emptyState();
        this._build();
        this._load();
        return;
      }
      const hadFocus = this._root.activeElement !== null;
      this._build();
      this._restore();
      if (hadFocus) {
        this._refs.search.focus();
      }
    }

    get apiBase() {
      const value = (this.getAttribute('api-base') || '').trim();
      if (value) {
        try {
          const url = new URL(value, document.baseURI);
          if (url.protocol === 'https:' || url.protocol === 'http:') {
            return url.href.replace(/\/+$/, '');
          }
        } catch {
          // Not a URL: use the script's own server.
        }
      }
      return SCRIPT_BASE;
    }

    get layout() {
      return this.getAttribute('layout') === 'compact' ? 'compact' : 'full';
    }

    /** The label language: the lang attribute if LABELS has it, else its base language, else English. */
    get labelLanguage() {
      const wanted = (this.getAttribute('lang') || 'en').trim().toLowerCase();
      if (Object.prototype.hasOwnProperty.call(LABELS, wanted)) {
        return wanted;
      }
      const base = wanted.split('-')[0];
      return Object.prototype.hasOwnProperty.call(LABELS, base) ? base : 'en';
    }

    _label(key, values) {
      const chosen = LABELS[this.labelLanguage] || {};
      let text = Object.prototype.hasOwnProperty.call(chosen, key) ? chosen[key] : LABELS.en[key];
      if (text && typeof text === 'object' && values && typeof values.count === 'number') {
        const form = new Intl.PluralRules(this.labelLanguage).select(values.count);
        text = text[form] !== undefined ? text[form] : text.other;
      }
      return String(text === undefined ? key : text).replace(/\{(\w+)\}/g, (match, name) =>
        values && values[name] !== undefined ? String(values[name]) : match);
    }

    _term(group, value) {
      const chosen = (LABELS[this.labelLanguage] || {})[group] || {};
      return chosen[value] || LABELS.en[group][value] || value;
    }

    _url(path) {
      return this.apiBase + path;
    }

    // ----- structure -------------------------------------------------------------------------

    _build() {
      const compact = this.layout === 'compact';
      const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'cg-status' });
      const retry = el('button', { type: 'button', class: 'secondary retry', hidden: true, text: this._label('retry') });
      const search = el('input', {
        id: 'cg-search', type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', maxlength: 200,
        'aria-describedby': 'cg-search-hint', 'aria-controls': 'cg-causes',
      });
      const form = el('form', { class: 'search', role: 'search', 'aria-label': this._label('searchLabel') },
        el('label', { for: 'cg-search', text: this._label('searchLabel') }),
        el('div', { class: 'search-row' }, search, el('button', { type: 'submit', text: this._label('searchButton') })),
        el('p', { class: 'hint', id: 'cg-search-hint', text: this._label('searchHint') }));
      const listLabel = el('p', { class: 'list-label', id: 'cg-causes-label', text: this._label('allCauses') });
      const listbox = el('ul', { class: 'listbox', role: 'listbox', id: 'cg-causes', 'aria-labelledby': 'cg-causes-label', hidden: true });
      const showAll = el('button', { type: 'button', class: 'link show-all', hidden: true, text: this._label('showAllCauses') });
      const noMatch = el('div', { class: 'no-match', hidden: true });
      // Named by their headings once rendered: an aria-labelledby must never point at nothing.
      const others = el('section', { class: 'other-matches', hidden: true });
      const picker = el('section', { class: 'picker', 'aria-labelledby': 'cg-picker-title' },
        el('h3', { id: 'cg-picker-title', text: this._label('pickerHeading') }),
        form, listLabel, listbox, showAll, noMatch, others);
      const check = el('section', { class: 'check', hidden: true });
      const cause = el('article', { class: 'cause', hidden: true });
      const flags = el('section', { class: 'red-flags general', 'data-red-flags': 'general', 'aria-labelledby': 'cg-flags-title' });
      const results = el('div', { class: 'results', 'aria-busy': 'false' }, check, cause, flags);
      const disclaimer = el('p', { class: 'disclaimer', 'data-disclaimer': true });
      const guide = el('section', {
        class: 'guide', lang: this.labelLanguage, 'data-layout': this.layout,
        'data-constructed-styles': String(this._constructedStyles), 'aria-labelledby': 'cg-title',
      },
        el('div', { class: 'header' },
          el('h2', { id: 'cg-title', text: this._label('title') }),
          compact ? null : el('p', { class: 'intro', text: this._label('intro') })),
        el('div', { class: 'status-row' }, status, retry),
        el('div', { class: 'columns' }, picker, results),
        disclaimer);

      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this._search(search.value, { now: true });
        this._check(search.value);
      });
      search.addEventListener('input', () => this._search(search.value, { now: false }));
      search.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown' && !listbox.hidden) {
          event.preventDefault();
          this._focusOption(this._state.active);
        }
      });
      listbox.addEventListener('keydown', (event) => this._onListKey(event));
      listbox.addEventListener('click', (event) => {
        const option = event.target.closest('[role="option"]');
        if (option) {
          this._focusOption(this._options().indexOf(option));
          this._pick(option.dataset.id, { pointer: true });
        }
      });
      showAll.addEventListener('click', () => {
        search.value = '';
        this._search('', { now: true });
        this._check('');
        search.focus();
      });
      retry.addEventListener('click', () => {
        const again = this._retry;
        this._retry = null;
        retry.hidden = true;
        if (again) {
          again();
        }
      });

      this._root.replaceChildren(guide);
      if (!this._constructedStyles) {
        adoptStyles(this._root);
      }
      this._refs = { guide, status, retry, search, listLabel, listbox, showAll, noMatch, others, check, cause, flags, results, disclaimer };
      this._renderDisclaimer();
      this._renderFlags();
    }

    /** Re-renders everything from state after the structure was rebuilt (new language or layout). */
    _restore() {
      this._refs.search.value = this._state.query;
      this._renderOptions();
      this._renderOthers();
      this._renderFlags();
      this._renderCheck();
      if (this._state.detail) {
        this._renderCause(this._state.detail);
      }
      if (this._state.status) {
        this._setStatus(this._state.status.key, this._state.status.values, this._state.status.kind);
      }
    }

    // ----- data --------------------------------------------------------------------------------

    async _load() {
      const sequence = ++this._sequence.load;
      this._setStatus('loadingCauses');
      const [causes, flags] = await Promise.allSettled([
        getJson(this._url('/api/v1/causes?pageSize=100&sort=-sourceCount')),
        getJson(this._url('/api/v1/red-flags?sort=name&pageSize=100')),
      ]);
      if (sequence !== this._sequence.load || !this._refs) {
        return;
      }
      if (flags.status === 'fulfilled') {
        const items = flags.value.items || [];
        this._state.flags = items
          .map((flag, index) => ({ flag, index }))
          .sort((a, b) => (URGENCY_ORDER[a.flag.urgency] ?? 2) - (URGENCY_ORDER[b.flag.urgency] ?? 2) || a.index - b.index)
          .map((entry) => entry.flag);
        this._state.flagsFailed = false;
        this._takeDisclaimer(flags.value);
      } else {
        this._state.flagsFailed = true;
      }
      if (causes.status === 'fulfilled') {
        this._state.causes = causes.value.items || [];
        if (!this._state.query) {
          this._state.shown = this._state.causes;
        }
        this._takeDisclaimer(causes.value);
      }
      this._renderFlags();
      this._renderOptions();
      const failure = [causes, flags].find((outcome) => outcome.status === 'rejected');
      if (failure) {
        this._fail(failure.reason, () => this._load());
      } else if (!this._state.query && !this._state.detail) {
        this._setStatus('ready', { count: this._state.causes.length });
      }
    }

    _search(text, { now }) {
      const query = text.trim().replace(/\s+/g, ' ');
      clearTimeout(this._debounce);
      if (query === this._state.query && !(now && this._state.queryFailed)) {
        return;
      }
      if (!query) {
        ++this._sequence.search;
        Object.assign(this._state, { query: '', shown: this._state.causes, others: [], suggestions: [], active: 0 });
        this._renderOptions();
        this._renderOthers();
        if (this._state.causes) {
          this._setStatus('ready', { count: this._state.causes.length });
        }
        return;
      }
      if (!now) {
        this._debounce = setTimeout(() => this._search(text, { now: true }), 350);
        return;
      }
      this._runSearch(query);
    }

    async _runSearch(query) {
      const sequence = ++this._sequence.search;
      this._state.query = query;
      this._state.queryFailed = false;
      this._setStatus('searching', { query });
      try {
        const result = await getJson(this._url(`/api/v1/search?q=${encodeURIComponent(query)}&types=cause,treatment,prevention,red-flag&limit=20`));
        if (sequence !== this._sequence.search) {
          return;
        }
        const known = new Map((this._state.causes || []).map((cause) => [cause.id, cause]));
        const hits = result.hits || [];
        Object.assign(this._state, {
          shown: hits.filter((hit) => hit.type === 'cause').map((hit) => known.get(hit.id) || hit),
          others: hits.filter((hit) => hit.type !== 'cause').slice(0, MAX_OTHER_MATCHES),
          suggestions: result.suggestions || [],
          active: 0,
        });
        this._takeDisclaimer(result);
        this._renderOptions();
        this._renderOthers();
        this._setStatus(this._state.shown.length ? 'searchDone' : 'noCauseMatched', { count: this._state.shown.length, query });
      } catch (error) {
        if (sequence === this._sequence.search) {
          this._state.queryFailed = true;
          this._fail(error, () => this._search(query, { now: true }));
        }
      }
    }

    /** Runs the red-flag check on what the visitor typed; only an explicit search does, never each keystroke. */
    async _check(text) {
      const description = text.trim().replace(/\s+/g, ' ');
      const sequence = ++this._sequence.check;
      if (!description) {
        this._state.check = null;
        this._renderCheck();
        return;
      }
      try {
        const response = await postJson(this._url('/api/v1/red-flags/check'), { description });
        if (sequence !== this._sequence.check || !this._refs) {
          return;
        }
        this._state.check = { description, response };
        this._takeDisclaimer(response);
      } catch {
        if (sequence !== this._sequence.check || !this._refs) {
          return;
        }
        this._state.check = { description, response: null };
      }
      this._renderCheck();
    }

    async _pick(id, { pointer } = {}) {
      if (!id) {
        return;
      }
      const sequence = ++this._sequence.cause;
      const cause = (this._state.shown || []).find((c) => c.id === id) || { id, name: id };
      this._state.picked = id;
      for (const option of this._options()) {
        option.setAttribute('aria-selected', String(option.dataset.id === id));
      }
      this._refs.results.setAttribute('aria-busy', 'true');
      this._setStatus('loadingCause', { name: cause.name });
      try {
        const detail = await getJson(this._url(`/api/v1/causes/${encodeURIComponent(id)}`));
        if (sequence !== this._sequence.cause || !this._refs) {
          return;
        }
        this._state.detail = detail;
        this._takeDisclaimer(detail);
        this._renderCause(detail);
        this._renderFlags();
        this._setStatus('causeShown', {
          name: detail.name,
          treatments: this._label('treatmentCount', { count: detail.treatments.length }),
          preventions: this._label('preventionCount', { count: detail.preventions.length }),
          redFlags: this._label('redFlagCount', { count: detail.redFlags.length }),
        });
        if (pointer) {
          this._revealCause();
        }
        this.dispatchEvent(new CustomEvent('cramp-guide-select', { bubbles: true, composed: true, detail: { id: detail.id, name: detail.name } }));
      } catch (error) {
        if (sequence === this._sequence.cause) {
          this._fail(error, () => this._pick(id));
        }
      } finally {
        if (sequence === this._sequence.cause && this._refs) {
          this._refs.results.setAttribute('aria-busy', 'false');
        }
      }
    }

    /** In one column the results sit below the list: bring them into view after a click. */
    _revealCause() {
      const picker = this._refs.listbox.getBoundingClientRect();
      const cause = this._refs.cause.getBoundingClientRect();
      if (cause.top > picker.bottom && cause.top > window.innerHeight * 0.8) {
        const reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        this._refs.cause.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
      }
    }

    async _loadFlagSources(flag, target) {
      target.replaceChildren(el('p', { class: 'cite', text: this._label('sourcesLoading') }));
      try {
        const detail = await getJson(this._url(`/api/v1/red-flags/${encodeURIComponent(flag.id)}`));
        this._takeDisclaimer(detail);
        target.replaceChildren(this._citationList(detail.citations || []));
      } catch {
        target.replaceChildren(el('p', { class: 'cite', text: this._label('sourcesFailed') }));
        // Closing and opening the disclosure again retries.
        delete target.closest('details').dataset.loaded;
      }
    }

    _takeDisclaimer(response) {
      if (response && typeof response.disclaimer === 'string' && response.disclaimer) {
        this._state.disclaimer = response.disclaimer;
        this._renderDisclaimer();
      }
    }

    _fail(error, retry) {
      const status = error && error.status;
      this._refs.results.setAttribute('aria-busy', 'false');
      if (status === 400) {
        this._setStatus('errorQuery', null, 'error');
        return;
      }
      if (status === 404) {
        this._setStatus('errorNotFound', null, 'error');
        return;
      }
      if (status === 429) {
        this._setStatus('errorBusy', { seconds: Math.max(1, error.retryAfter || 10) }, 'error');
      } else {
        this._setStatus('errorUnreachable', null, 'error');
      }
      this._retry = retry;
      this._refs.retry.hidden = false;
    }

    // ----- rendering ---------------------------------------------------------------------------

    _setStatus(key, values, kind) {
      this._state.status = { key, values, kind };
      const status = this._refs.status;
      status.textContent = this._label(key, values || {});
      if (kind) {
        status.dataset.kind = kind;
      } else {
        delete status.dataset.kind;
        this._refs.retry.hidden = true;
        this._retry = null;
      }
    }

    _renderDisclaimer() {
      this._refs.disclaimer.replaceChildren(
        el('strong', { text: this._label('disclaimerLead') }), ' ', this._state.disclaimer || this._label('disclaimer'));
    }

    _options() {
      return Array.from(this._refs.listbox.querySelectorAll('[role="option"]'));
    }

    _renderOptions() {
      const { listbox, listLabel, showAll, noMatch } = this._refs;
      const shown = this._state.shown || [];
      const hadFocus = listbox.contains(this._root.activeElement);
      const pickedIndex = shown.findIndex((cause) => cause.id === this._state.picked);
      if (this._state.active >= shown.length || this._state.active < 0) {
        this._state.active = 0;
      }
      if (!hadFocus && pickedIndex >= 0) {
        this._state.active = pickedIndex;
      }
      listbox.replaceChildren(...shown.map((cause, index) => el('li', {
        class: 'option', role: 'option', id: `cg-cause-${index}`, 'data-id': cause.id,
        'aria-selected': String(cause.id === this._state.picked), tabindex: index === this._state.active ? 0 : -1,
      },
        el('span', { class: 'option-name', text: cause.name }),
        el('span', { class: 'visually-hidden', text: ', ' }),
        typeof cause.sourceCount === 'number'
          ? el('span', { class: 'option-meta', text: this._label('sourceCount', { count: cause.sourceCount }) })
          : null)));
      listbox.hidden = shown.length === 0;
      listLabel.hidden = shown.length === 0;
      listLabel.textContent = this._state.query
        ? this._label('matchingCauses', { query: this._state.query })
        : this._label('allCauses');
      showAll.hidden = !this._state.query;

      noMatch.hidden = !(this._state.query && shown.length === 0);
      noMatch.replaceChildren();
      if (!noMatch.hidden) {
        noMatch.append(el('p', { text: this._label('noCauseMatched', { query: this._state.query }) }));
        if (this._state.suggestions.length) {
          noMatch.append(el('p', { class: 'suggestions' },
            el('span', { text: this._label('didYouMean') }),
            this._state.suggestions.map((word) => {
              const button = el('button', { type: 'button', class: 'link', text: word });
              button.addEventListener('click', () => {
                this._refs.search.value = word;
                this._search(word, { now: true });
                this._refs.search.focus();
              });
              return button;
            })));
        }
      }
      if (hadFocus && shown.length) {
        this._focusOption(this._state.active);
      }
    }

    _renderOthers() {
      const others = this._state.others;
      const section = this._refs.others;
      section.hidden = others.length === 0;
      section.replaceChildren();
      if (!others.length) {
        section.removeAttribute('aria-labelledby');
        return;
      }
      section.setAttribute('aria-labelledby', 'cg-others-title');
      section.append(
        el('h4', { id: 'cg-others-title', text: this._label('otherMatches') }),
        el('ul', { class: 'others' }, others.map((hit) => el('li', { class: 'other', 'data-red-flag': hit.type === 'red-flag' },
          el('p', { class: 'item-head' },
            el('span', { class: 'item-name', text: hit.name }),
            el('span', { class: 'chip', text: this._term('types', hit.type) })),
          el('p', { class: 'cite', text: hit.summary })))));
    }

    _onListKey(event) {
      const options = this._options();
      if (!options.length || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const current = Math.max(0, options.indexOf(event.target.closest('[role="option"]')));
      let next = current;
      switch (event.key) {
        case 'ArrowDown': next = Math.min(current + 1, options.length - 1); break;
        case 'ArrowUp':
          if (current === 0) {
            event.preventDefault();
            this._refs.search.focus();
            return;
          }
          next = current - 1;
          break;
        case 'Home': next = 0; break;
        case 'End': next = options.length - 1; break;
        case 'PageDown': next = Math.min(current + 10, options.length - 1); break;
        case 'PageUp': next = Math.max(current - 10, 0); break;
        case 'Enter':
        case ' ':
          event.preventDefault();
          this._pick(options[current].dataset.id);
          return;
        default:
          if (event.key.length === 1 && /\S/.test(event.key)) {
            // Type-ahead: the next cause whose name starts with the letter typed.
            const letter = event.key.toLowerCase();
            const order = options.slice(current + 1).concat(options.slice(0, current + 1));
            const found = order.find((o) => o.textContent.trim().toLowerCase().startsWith(letter));
            if (!found) {
              return;
            }
            next = options.indexOf(found);
            break;
          }
          return;
      }
      event.preventDefault();
      this._focusOption(next);
    }

    _focusOption(index) {
      const options = this._options();
      if (!options.length) {
        return;
      }
      const target = Math.min(Math.max(index, 0), options.length - 1);
      options.forEach((option, i) => {
        option.tabIndex = i === target ? 0 : -1;
      });
      this._state.active = target;
      options[target].focus();
    }

    _renderFlags() {
      const section = this._refs.flags;
      const picked = Boolean(this._state.detail);
      const flags = this._state.flags;
      // After a pick, and always in the compact layout, the general signs shrink to a list of names.
      const short = picked || this.layout === 'compact';
      section.classList.toggle('short', short);
      section.replaceChildren(el('h3', { id: 'cg-flags-title', text: this._label(picked ? 'alwaysSeeADoctor' : 'whenToSeeADoctor') }));
      if (!flags) {
        // Before the list arrives, or when it cannot: the signs still show, in our own words.
        section.append(el('p', { class: 'fallback', text: this._label('redFlagsUnavailable') }));
        return;
      }
      const shownForCause = new Set(picked ? this._state.detail.redFlags.map((flag) => flag.id) : []);
      const doctor = flags.filter((flag) => SEES_DOCTOR(flag) && !shownForCause.has(flag.id));
      if (short) {
        if (doctor.length) {
          section.append(el('ul', {}, doctor.map((flag) => el('li', { 'data-red-flag': flag.urgency, text: flag.name }))));
        }
        return;
      }
      const cautions = flags.filter((flag) => !SEES_DOCTOR(flag));
      section.append(
        el('p', { text: this._label('whenToSeeADoctorLead') }),
        el('ul', { class: 'items' }, doctor.map((flag) => this._generalFlag(flag))),
        cautions.length
          ? el('details', { class: 'cautions' },
            el('summary', { text: this._label('cautions', { count: cautions.length }) }),
            el('ul', { class: 'items' }, cautions.map((flag) => this._generalFlag(flag))))
          : null);
    }

    /** A red flag from the general list: its sources load when the visitor opens them. */
    _generalFlag(flag) {
      const sources = el('div', { class: 'flag-sources' });
      const details = el('details', {}, el('summary', { text: this._label('sources') }), sources);
      details.addEventListener('toggle', () => {
        if (details.open && details.dataset.loaded === undefined) {
          details.dataset.loaded = 'true';
          this._loadFlagSources(flag, sources);
        }
      });
      return el('li', { class: 'item', 'data-red-flag': flag.urgency },
        el('p', { class: 'item-head' },
          el('span', { class: 'item-name', text: flag.name }),
          el('span', { class: 'chip', text: this._term('urgency', flag.urgency) })),
        el('p', { class: 'item-summary', text: flag.summary }),
        details);
    }

    /**
     * The check's answer. soon and promptly are red; unknown is amber with the words the check could not
     * assess and the API's note; none is neutral (grey) and says it is not an all-clear.
     */
    _renderCheck() {
      const section = this._refs.check;
      const check = this._state.check;
      section.hidden = !check;
      if (!check) {
        section.replaceChildren();
        delete section.dataset.check;
        section.removeAttribute('aria-labelledby');
        return;
      }
      section.setAttribute('aria-labelledby', 'cg-check-title');
      const response = check.response;
      if (!response) {
        section.dataset.check = 'failed';
        section.replaceChildren(
          el('h3', { id: 'cg-check-title', text: this._label('checkFailed') }),
          el('p', { text: this._label('checkNotAllClear') }));
        return;
      }
      const known = ['promptly', 'soon', 'unknown', 'none'];
      // A level this version does not know is shown as unknown: never as none.
      const level = known.includes(response.seeDoctor) ? response.seeDoctor : 'unknown';
      const matches = response.matches || [];
      const doctor = matches.filter((match) => match.seeDoctor === 'soon' || match.seeDoctor === 'promptly');
      const cautions = matches.filter((match) => match.seeDoctor !== 'soon' && match.seeDoctor !== 'promptly');
      const unassessed = response.unassessed || [];
      section.dataset.check = level;
      // replaceChildren would write a null as the text "null": the parts a level lacks are left out first.
      section.replaceChildren(...[
        el('h3', { id: 'cg-check-title', text: this._term('checkTitle', level) }),
        el('p', { class: 'check-lead', text: this._term('checkLead', level) }),
        el('p', { class: 'cite check-for', text: this._label('checkFor', { description: check.description }) }),
        doctor.length ? el('ul', { class: 'check-matches' }, doctor.map((match) => el('li', { 'data-id': match.id, text: match.name }))) : null,
        unassessed.length
          ? el('p', { class: 'check-unassessed' }, `${this._label('checkUnassessed')} `, el('span', { class: 'unassessed', text: unassessed.join(', ') }))
          : null,
        // A none carries the API's not-an-all-clear note too; the widget says it once, in its own (translatable) words.
        level === 'none'
          ? el('p', { class: 'check-note', text: this._label('checkNotAllClear') })
          : response.note ? el('p', { class: 'check-note', text: response.note }) : null,
        cautions.length
          ? el('p', { class: 'check-cautions' }, `${this._label('checkCautions')} `, cautions.map((match) => match.name).join('; '))
          : null,
      ].filter(Boolean));
    }

    _renderCause(detail) {
      const article = this._refs.cause;
      const block = (id, title, items, empty, redFlag) => el('section', {
        class: redFlag ? 'red-flags' : 'block', 'aria-labelledby': id, 'data-red-flags': redFlag ? 'cause' : null,
        'data-block': redFlag ? null : id.replace('cg-', ''),
      },
        el('h4', { id, text: title }),
        items.length
          ? el('ul', { class: 'items' }, items.map((item) => this._item(item, redFlag)))
          : el('p', { class: 'empty', text: empty }));

      article.replaceChildren(
        el('h3', { class: 'cause-title', id: 'cg-cause-title', text: detail.name }),
        el('p', { class: 'cause-summary', text: detail.summary }),
        this._citations(detail.citations || [], this._label('whatTheSourcesSay')),
        (detail.contested || []).map((note) => el('p', { class: 'note' },
          el('strong', { text: this._label('contested', { topic: note.topic }) }), ' ', note.summary)),
        block('cg-cause-flags', this._label('causeRedFlags'), detail.redFlags || [], this._label('noCauseRedFlags'), true),
        block('cg-helps', this._label('whatHelps'), detail.treatments || [], this._label('noTreatments'), false),
        block('cg-prevents', this._label('howToPrevent'), detail.preventions || [], this._label('noPreventions'), false));
      article.setAttribute('aria-labelledby', 'cg-cause-title');
      article.dataset.cause = detail.id;
      article.hidden = false;
    }

    _item(record, redFlag) {
      return el('li', { class: 'item', 'data-red-flag': redFlag ? record.urgency || 'see-doctor' : null, 'data-id': record.id },
        el('p', { class: 'item-head' },
          el('span', { class: 'item-name', text: record.name }),
          record.urgency ? el('span', { class: 'chip', text: this._term('urgency', record.urgency) }) : null),
        el('p', { class: 'item-summary', text: record.summary }),
        this._citations(record.citations || [], this._label('sources')));
    }

    /** Quotes in full in the full layout; folded under a disclosure in the compact one. */
    _citations(citations, title) {
      if (!citations.length) {
        return null;
      }
      const list = this._citationList(citations);
      if (this.layout === 'compact') {
        return el('details', { class: 'citations-fold' }, el('summary', { text: `${title} (${citations.length})` }), list);
      }
      return list;
    }

    _citationList(citations) {
      return el('ul', { class: 'citations' }, citations.map((citation) => {
        const href = this._url(`/api/v1/sources/${encodeURIComponent(citation.source)}`);
        return el('li', { class: 'citation' },
          el('blockquote', { cite: href, text: `“${citation.quote}”` }),
          el('p', { class: 'cite' },
            `${this._label('source')} `,
            el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' },
              citation.sourceTitle || citation.source,
              el('span', { class: 'visually-hidden', text: ` ${this._label('opensInNewTab')}` })),
            citation.certainty ? ` · ${this._term('certainty', citation.certainty)}` : null));
      }));
    }
  }

  window.customElements.define('cramp-guide', CrampGuideElement);
})();
