using Microsoft.Playwright;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>
/// An axe-style audit of a web component's open shadow root, run in the page (no tool download).
/// Each problem is "rule: element what-is-wrong"; rules: duplicate-id, idref, aria-attribute, role,
/// context, owned, name, region, heading, alt, live-region, hidden-focus, tabindex, roving-tabindex,
/// contrast. Only what is exposed is checked: hidden elements and closed disclosures are skipped.
/// </summary>
public static class AccessibilityAudit
{
    public const string Script = """
        (host) => {
          const root = host.shadowRoot;
          if (!root) return ['structure: the element has no open shadow root'];
          const problems = [];
          const textOf = (e) => (e.textContent || '').replace(/\s+/g, ' ').trim();
          const describe = (e) => {
            if (!e || e.nodeType !== 1) return '(shadow root)';
            let s = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
            if (e.getAttribute('role')) s += `[role=${e.getAttribute('role')}]`;
            const text = textOf(e);
            return text ? `${s} "${text.slice(0, 40)}"` : s;
          };
          const report = (rule, e, message) => problems.push(`${rule}: ${describe(e)} ${message}`);
          const byId = (id) => root.getElementById(id);
          const all = Array.from(root.querySelectorAll('*'));
          const exposed = (e) => !e.closest('[aria-hidden="true"]') && e.checkVisibility({ visibilityProperty: true });

          const ROLES = new Set(('alert alertdialog application article banner blockquote button caption cell checkbox code '
            + 'columnheader combobox comment complementary contentinfo definition deletion dialog directory document emphasis '
            + 'feed figure form generic grid gridcell group heading img image insertion link list listbox listitem log main '
            + 'mark marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation none note option '
            + 'paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox '
            + 'separator slider spinbutton status strong subscript suggestion superscript switch tab table tablist tabpanel '
            + 'term textbox time timer toolbar tooltip tree treegrid treeitem').split(' '));
          const ARIA = new Set(('activedescendant atomic autocomplete braillelabel brailleroledescription busy checked colcount '
            + 'colindex colindextext colspan controls current describedby description details disabled errormessage expanded '
            + 'flowto haspopup hidden invalid keyshortcuts label labelledby level live modal multiline multiselectable '
            + 'orientation owns placeholder posinset pressed readonly relevant required roledescription rowcount rowindex '
            + 'rowindextext rowspan selected setsize sort valuemax valuemin valuenow valuetext').split(' ').map((a) => 'aria-' + a));
          const CONTEXT = {
            option: ['listbox', 'group'], tab: ['tablist'], listitem: ['list', 'directory', 'group'], treeitem: ['tree', 'group'],
            menuitem: ['menu', 'menubar', 'group'], menuitemcheckbox: ['menu', 'menubar', 'group'], menuitemradio: ['menu', 'menubar', 'group'],
            row: ['table', 'grid', 'treegrid', 'rowgroup'], rowgroup: ['table', 'grid', 'treegrid'],
            cell: ['row'], gridcell: ['row'], columnheader: ['row'], rowheader: ['row'],
          };
          const OWNED = {
            listbox: ['option', 'group'], list: ['listitem'], tablist: ['tab'], radiogroup: ['radio'], tree: ['treeitem', 'group'],
            menu: ['menuitem', 'menuitemcheckbox', 'menuitemradio', 'group'], menubar: ['menuitem', 'menuitemcheckbox', 'menuitemradio', 'group'],
            table: ['row', 'rowgroup'], grid: ['row', 'rowgroup'], row: ['cell', 'gridcell', 'columnheader', 'rowheader'],
          };
          const NAME_FROM_CONTENT = new Set(['button', 'link', 'option', 'radio', 'tab', 'checkbox', 'switch', 'menuitem',
            'menuitemcheckbox', 'menuitemradio', 'treeitem', 'heading', 'cell', 'gridcell', 'columnheader', 'rowheader', 'tooltip', 'row']);
          const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [role="option"], '
            + '[role="radio"], [role="tab"], [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="menuitem"], '
            + '[role="listbox"], [role="combobox"], [role="searchbox"], [role="textbox"], [role="slider"]';
          const SKIPPED = new Set(['generic', 'none']);

          const hasName = (e) => Boolean(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'));
          const implicitRole = (e) => {
            const tag = e.tagName.toLowerCase();
            if (/^h[1-6]$/.test(tag)) return 'heading';
            switch (tag) {
              case 'ul': case 'ol': case 'menu': return 'list';
              case 'li': return 'listitem';
              case 'a': return e.hasAttribute('href') ? 'link' : 'generic';
              case 'button': case 'summary': return 'button';
              case 'input': return { search: 'searchbox', button: 'button', submit: 'button', reset: 'button', checkbox: 'checkbox', radio: 'radio', range: 'slider' }[e.type] || 'textbox';
              case 'textarea': return 'textbox';
              case 'select': return e.multiple || e.size > 1 ? 'listbox' : 'combobox';
              case 'section': return hasName(e) ? 'region' : 'generic';
              case 'form': return hasName(e) ? 'form' : 'generic';
              case 'article': return 'article';
              case 'nav': return 'navigation';
              case 'main': return 'main';
              case 'aside': return 'complementary';
              case 'details': return 'group';
              case 'blockquote': return 'blockquote';
              case 'p': return 'paragraph';
              case 'img': return e.getAttribute('alt') === '' ? 'none' : 'img';
              case 'table': return 'table';
              case 'tr': return 'row';
              case 'td': return 'cell';
              case 'th': return 'columnheader';
              default: return 'generic';
            }
          };
          const roleOf = (e) => {
            const explicit = (e.getAttribute('role') || '').trim().split(/\s+/).find((r) => ROLES.has(r));
            if (explicit) return explicit === 'presentation' ? 'none' : explicit;
            return implicitRole(e);
          };
          const owner = (e) => {
            for (let p = e.parentElement; p; p = p.parentElement) if (!SKIPPED.has(roleOf(p))) return p;
            return null;
          };
          const ownedChildren = (e) => Array.from(e.children)
            .filter(exposed)
            .flatMap((c) => (SKIPPED.has(roleOf(c)) ? ownedChildren(c) : [c]));
          const contentName = (e) => {
            let s = '';
            for (const n of e.childNodes) {
              if (n.nodeType === 3) s += n.data;
              else if (n.nodeType === 1 && n.getAttribute('aria-hidden') !== 'true') s += n.tagName === 'IMG' ? ` ${n.getAttribute('alt') || ''} ` : ` ${contentName(n)} `;
            }
            return s.replace(/\s+/g, ' ').trim();
          };
          const nameOf = (e) => {
            const by = e.getAttribute('aria-labelledby');
            if (by) {
              const text = by.trim().split(/\s+/).map(byId).filter(Boolean).map(textOf).join(' ').trim();
              if (text) return text;
            }
            const label = (e.getAttribute('aria-label') || '').trim();
            if (label) return label;
            if (e.labels && e.labels.length) {
              const text = Array.from(e.labels).map(textOf).join(' ').trim();
              if (text) return text;
            }
            if (e.tagName === 'IMG') return (e.getAttribute('alt') || '').trim();
            if (e.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(e.type)) return e.value || '';
            if (NAME_FROM_CONTENT.has(roleOf(e))) {
              const text = contentName(e);
              if (text) return text;
            }
            return (e.getAttribute('title') || '').trim();
          };

          const seen = new Set();
          for (const e of all) {
            if (e.id) {
              if (seen.has(e.id)) report('duplicate-id', e, `repeats the id "${e.id}"`);
              seen.add(e.id);
            }
          }

          for (const e of all) {
            for (const attribute of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'aria-details', 'aria-errormessage']) {
              const value = e.getAttribute(attribute);
              if (value === null) continue;
              const ids = value.trim().split(/\s+/).filter(Boolean);
              if (!ids.length) report('idref', e, `has an empty ${attribute}`);
              for (const id of ids) if (!byId(id)) report('idref', e, `${attribute} points to the missing #${id}`);
            }
            const active = e.getAttribute('aria-activedescendant');
            if (active && !byId(active)) report('idref', e, `aria-activedescendant points to the missing #${active}`);
            if (e.tagName === 'LABEL' && e.htmlFor && !byId(e.htmlFor)) report('idref', e, `is a label for the missing #${e.htmlFor}`);

            for (const attribute of e.getAttributeNames()) {
              if (attribute.startsWith('aria-') && !ARIA.has(attribute)) report('aria-attribute', e, `uses the unknown ${attribute}`);
            }
            for (const attribute of ['aria-selected', 'aria-expanded', 'aria-busy', 'aria-hidden', 'aria-atomic']) {
              const value = e.getAttribute(attribute);
              if (value !== null && value !== 'true' && value !== 'false') report('aria-attribute', e, `has ${attribute}="${value}"`);
            }
            const role = e.getAttribute('role');
            if (role !== null) {
              for (const token of role.trim().split(/\s+/)) if (!ROLES.has(token)) report('role', e, `has the invalid role "${token}"`);
            }
            if (Number(e.getAttribute('tabindex')) > 0) report('tabindex', e, 'has a positive tabindex');
          }

          for (const e of all.filter(exposed)) {
            const role = roleOf(e);
            const allowed = CONTEXT[role];
            if (allowed) {
              const parent = owner(e);
              const parentRole = parent ? roleOf(parent) : 'nothing';
              if (!allowed.includes(parentRole)) report('context', e, `has role ${role} inside ${parentRole}; it needs ${allowed.join(' or ')}`);
            }
            const needs = OWNED[role];
            if (needs) {
              const children = ownedChildren(e);
              if (!children.length) report('owned', e, `has role ${role} but owns no ${needs.join(' or ')}`);
              for (const child of children) if (!needs.includes(roleOf(child))) report('owned', child, `is inside a ${role}, which may only own ${needs.join(' or ')}`);
            }
          }

          for (const e of root.querySelectorAll(INTERACTIVE)) {
            if (exposed(e) && !nameOf(e)) report('name', e, 'has no accessible name');
          }
          for (const e of root.querySelectorAll('[data-red-flags]')) {
            if (exposed(e) && (roleOf(e) !== 'region' || !nameOf(e))) report('region', e, 'holds red flags but is not a named region');
          }
          for (const e of root.querySelectorAll('[role="listbox"]')) {
            const options = Array.from(e.querySelectorAll('[role="option"]'));
            const tabbable = options.filter((o) => o.tabIndex === 0);
            if (exposed(e) && options.length && tabbable.length !== 1) report('roving-tabindex', e, `has ${tabbable.length} options in the tab order instead of one`);
          }

          let previous = 0;
          for (const e of all.filter(exposed)) {
            if (roleOf(e) !== 'heading') continue;
            const level = /^H[1-6]$/.test(e.tagName) ? Number(e.tagName[1]) : Number(e.getAttribute('aria-level') || 2);
            if (!textOf(e)) report('heading', e, 'is empty');
            if (previous && level > previous + 1) report('heading', e, `jumps from level ${previous} to ${level}`);
            previous = level;
          }

          for (const e of root.querySelectorAll('img')) if (!e.hasAttribute('alt')) report('alt', e, 'has no alt text');
          for (const e of root.querySelectorAll('svg')) {
            if (e.getAttribute('aria-hidden') !== 'true' && !nameOf(e) && !e.querySelector('title')) report('alt', e, 'is an svg with no text alternative');
          }

          const live = all.filter((e) => ['status', 'alert', 'log'].includes(roleOf(e)) || ['polite', 'assertive'].includes(e.getAttribute('aria-live')));
          if (!live.some(exposed)) report('live-region', null, 'has no live region for status messages');

          const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          for (const e of root.querySelectorAll('[aria-hidden="true"]')) {
            for (const f of e.querySelectorAll(FOCUSABLE)) report('hidden-focus', f, 'can take focus inside aria-hidden content');
          }

          const parse = (color) => {
            const m = /rgba?\(([^)]+)\)/.exec(color);
            if (!m) return null;
            const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const luminance = ({ r, g, b }) => {
            const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const backgroundOf = (e) => {
            for (let n = e; n; n = n.parentElement || (n.getRootNode().host || null)) {
              const c = parse(getComputedStyle(n).backgroundColor);
              if (c && c.a > 0.5) return c;
            }
            return { r: 255, g: 255, b: 255, a: 1 };
          };
          for (const e of all.filter(exposed)) {
            if (!Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.data.trim())) continue;
            if (e.getBoundingClientRect().width <= 1) continue;
            const style = getComputedStyle(e);
            const fg = parse(style.color);
            if (!fg) continue;
            const [light, dark] = [luminance(fg), luminance(backgroundOf(e))].sort((a, b) => b - a);
            const ratio = (light + 0.05) / (dark + 0.05);
            const size = parseFloat(style.fontSize);
            const needed = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) report('contrast', e, `has a contrast of ${ratio.toFixed(2)}:1; it needs ${needed}:1`);
          }
          return problems;
        }
        """;

    public static async Task<IReadOnlyList<string>> RunAsync(ILocator host) => await host.EvaluateAsync<string[]>(Script);
}
