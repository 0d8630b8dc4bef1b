/**
 * Styles added to the app's components from outside, so their own files stay as they are (as the
 * kiosk's are, src/kiosk/styles.ts):
 * - a focus ring that shows on every background (always): a dark outline around an amber ring, so
 *   it stands out on the dark header as on the white panels;
 * - the high-contrast looks (while high contrast is on): black on white, 2 px black borders,
 *   strong button colours; in the block editor darker block colours with white words outlined in
 *   black (the Blockly theme, ./blockly-theme.ts, does the toolbox, flyout and workspace).
 * Each component gets one shared style sheet per kind; switching high contrast replaces the sheet's
 * text, which every element of that component sees at once.
 */
import { css, type CSSResult, type ReactiveElement } from 'lit';

const FOCUS_RING = css`
  :focus-visible {
    outline: 3px solid #1d2329 !important;
    outline-offset: 2px !important;
    box-shadow: 0 0 0 2px #ffbf47 !important;
  }
`;

/** Controls in any component, high contrast. */
const CONTROLS = `
  button, select, input, textarea { border: 2px solid #000 !important; background: #fff !important; color: #000 !important; }
  button:disabled { opacity: 1 !important; border-style: dashed !important; color: #333 !important; }
  a { color: #00e !important; text-decoration: underline !important; }
`;

/** Per component: its high-contrast rules (CONTROLS come first for each). */
const HIGH_CONTRAST: Record<string, string> = {
  'sb-app': `
    :host { background: #fff !important; color: #000 !important; }
    header { background: #000 !important; color: #fff !important; border-bottom: 3px solid #fff; }
    header .engine, header .live, header h1 { color: #fff !important; opacity: 1 !important; }
    header .paused { color: #ffe680 !important; }
    /* the 2 px borders would push the header into a second row: a little less padding pays for them */
    header button, header select { padding-left: 7px !important; padding-right: 7px !important; }
    #run { background: #0b5d1e !important; color: #fff !important; border-color: #fff !important; }
    #stop { background: #8b0000 !important; color: #fff !important; border-color: #fff !important; }
    #stop:disabled { background: #000 !important; color: #fff !important; }
    sb-editor, sb-code-panel, sb-lesson, .results { border: 2px solid #000 !important; }
    .placeholder { color: #000 !important; }
    .stale { background: #fff !important; color: #000 !important; border-left: 6px solid #000 !important; outline: 2px solid #000; }
    footer { background: #fff !important; border-top: 3px solid #000 !important; color: #000 !important; }
    .notice.error { color: #8b0000 !important; }
  `,
  'sb-code-panel': `
    :host { background: #fff !important; }
    header { border-bottom: 2px solid #000 !important; }
    .badge { background: #000 !important; color: #fff !important; }
    .line::before { color: #333 !important; }
    .line.error { background: #ffd6d6 !important; outline: 2px solid #8b0000; }
    .k { color: #5a0080 !important; } .s { color: #0a4d1f !important; } .n { color: #7a2e00 !important; } .c { color: #333 !important; }
  `,
  'sb-lesson': `
    :host { background: #fff !important; color: #000 !important; }
    #check { background: #0b5d1e !important; color: #fff !important; }
    .goal, .hint { background: #fff !important; border-left: 6px solid #000 !important; }
    .goal.passed { border-left-color: #0b5d1e !important; } .goal.failed { border-left-color: #8b0000 !important; }
    code { background: #fff !important; border: 1px solid #000; }
    .progress, .problems, .done-mark { color: #000 !important; }
    .language-note { background: #fff !important; border-left-color: #000 !important; color: #000 !important; }
    .other-language, .notes { color: #000 !important; }
    .foot { border-top: 2px solid #000 !important; }
  `,
  'sb-backend-settings': `
    dialog { border: 3px solid #000 !important; color: #000 !important; background: #fff !important; }
    .choice { border: 2px solid #000 !important; }
    .choice:has(input:checked) { background: #fff !important; outline: 3px solid #000; }
    .choice small, .hint { color: #000 !important; }
    button.primary { background: #000 !important; color: #fff !important; }
    .status.ok, .status.failed { background: #fff !important; color: #000 !important; border: 2px solid #000; }
  `,
  'sb-language-menu': ``,
  'sb-gallery': `
    :host { color: #000 !important; }
    dialog { background: #fff !important; border: 3px solid #000 !important; color: #000 !important; }
    .top { background: #000 !important; color: #fff !important; }
    .close { background: #fff !important; }
    /* the title's button covers its card: the card's border is its outline, not the button's */
    .open { border: none !important; background: none !important; }
    .card { border: 2px solid #000 !important; }
    .card img { border-bottom: 2px solid #000 !important; }
    .here { background: #fff !important; color: #000 !important; border: 2px solid #000 !important; }
    .intro, p, small, .meta, .source { color: #000 !important; opacity: 1 !important; }
  `,
  'sb-kiosk-overlay': `
    .box { border: 4px solid #000; color: #000 !important; }
    button.primary { background: #0b5d1e !important; color: #fff !important; }
  `,
  'sb-editor': `
    /* darker block colours, so their white words stand out (with a black outline) */
    .blocklyBlockCanvas .blocklyPath, .blocklyFlyout .blocklyPath { filter: brightness(0.62) saturate(1.25); stroke: #000 !important; stroke-width: 1.5px; }
    /* (not bold: Blockly measures the words with its own font, bold ones would run into the fields) */
    .blocklyNonEditableField > text, .blocklyText:not(.blocklyEditableField .blocklyText) { fill: #fff !important; paint-order: stroke; stroke: #000; stroke-width: 2px; stroke-linejoin: round; }
    .blocklyEditableField > rect { fill: #fff !important; fill-opacity: 1 !important; stroke: #000 !important; stroke-width: 1.5px !important; }
    .blocklyEditableField > text { fill: #000 !important; }
    .blocklyFlyoutLabelText { fill: #fff !important; }
    .blocklyToolboxCategoryLabel { color: #fff !important; }
    .blocklyToolboxSelected { background: #fff !important; }
    .blocklyToolboxSelected .blocklyToolboxCategoryLabel { color: #000 !important; }
    .blocklyMainBackground { stroke: #000 !important; stroke-width: 2px !important; }
    .blocklyZoom > image, .blocklyTrash > image { opacity: 1 !important; filter: brightness(0); }
    .injectionDiv { --blockly-active-node-color: #ffbf00; --blockly-active-tree-color: #0040ff; --blockly-selection-width: 4px; }
  `,
};

/** Every component that gets the focus ring (the plots too: their tabs and buttons). */
const FOCUS_RING_TAGS = [
  ...Object.keys(HIGH_CONTRAST),
  'sb-results', 'sb-results-export', 'sb-compare', 'sb-spike-plots', 'sb-stats-table', 'sb-table-plot',
];

const focusSheet = FOCUS_RING.styleSheet ?? null;
const contrastSheets = new Map<string, CSSStyleSheet>();

/** The sheets of one component (made once). */
function sheetsFor(tag: string): CSSStyleSheet[] {
  const sheets: CSSStyleSheet[] = [];
  // the block editor keeps Blockly's own focus indicators (a ring around the focused block or
  // field, an outline around the focused toolbox, flyout or workspace)
  if (focusSheet && tag !== 'sb-editor') sheets.push(focusSheet);
  if (tag in HIGH_CONTRAST && typeof CSSStyleSheet === 'function') {
    if (!contrastSheets.has(tag)) contrastSheets.set(tag, new CSSStyleSheet());
    sheets.push(contrastSheets.get(tag)!);
  }
  return sheets;
}

let attached = false;

/** Adds the sheets to every component, now and as each one is defined (lazy parts too). */
function attach(): void {
  if (attached) return;
  attached = true;
  for (const tag of FOCUS_RING_TAGS) {
    const sheets = sheetsFor(tag);
    void customElements.whenDefined(tag).then(() => {
      const element = customElements.get(tag) as (typeof ReactiveElement & { elementStyles?: (CSSResult | CSSStyleSheet)[] }) | undefined;
      element?.elementStyles?.push(...sheets);
      for (const el of deepQueryAll(document, tag)) {
        const root = el.shadowRoot;
        if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => !sheets.includes(s)), ...sheets];
      }
    });
  }
}

/** Fills (on) or empties (off) the high-contrast sheets. */
export function applyContrastStyles(on: boolean): void {
  if (typeof customElements === 'undefined') return;
  attach();
  for (const tag of Object.keys(HIGH_CONTRAST)) {
    const sheet = sheetsFor(tag).at(-1);
    sheet?.replaceSync(on ? CONTROLS + HIGH_CONTRAST[tag] : '');
  }
}

/** Elements of a tag anywhere, shadow roots included. */
function deepQueryAll(root: Document | ShadowRoot, tag: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(tag)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQueryAll(el.shadowRoot, tag));
  return found;
}
