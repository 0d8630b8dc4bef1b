/**
 * Kiosk looks, added to the app's components from outside so their own files stay as they are:
 * big touch targets (48 px, the usual minimum for a finger), and no file or settings controls.
 * A control any component marks with data-kiosk-hide is hidden too.
 */
import { css, type CSSResult, type ReactiveElement } from 'lit';

const FINGER = css`
  button, select { min-height: 48px; min-width: 48px; font-size: 1.05rem; padding: 6px 16px; touch-action: manipulation; }
  input[type='number'], input[type='text'] { min-height: 48px; font-size: 1.05rem; }
  [data-kiosk-hide] { display: none !important; }
`;

/** Per component: the selectors to hide and the extra rules. */
export const KIOSK_STYLES: Record<string, CSSResult[]> = {
  'sb-app': [
    FINGER,
    css`
      /* file dialogs and server settings: a visitor has no files, and the kiosk runs here */
      #open, #save, #open-file, #backend, [id^='export'], [id^='share'], [id^='download'] { display: none !important; }
      /* one header row at 1280 px with the bigger buttons: the select says what it is itself */
      header { gap: 6px; padding: 8px 10px; }
      header h1 { font-size: 1.3rem; margin-right: 4px; }
      header button, header select { padding: 6px 10px; }
      .live { min-height: 48px; font-size: 1.05rem; }
      .live input { width: 28px; height: 28px; }
      #kiosk-reset { background: #ffbf47; border-color: #ffbf47; color: #1d2329; font-weight: 700; }
      .notice button { min-height: 44px; }
      /* a lesson at 1024 px: the workspace keeps room for the blocks' fields beside text and results */
      @media (min-width: 821px) {
        /* the finger-sized blocks need the room more than the code does */
        main { grid-template-columns: minmax(440px, 1.5fr) minmax(320px, 1fr); }
        main.with-lesson { grid-template-columns: minmax(240px, 0.7fr) minmax(440px, 1.6fr) minmax(240px, 0.8fr); }
      }
    `,
  ],
  'sb-code-panel': [
    FINGER,
    css`
      /* the downloads are marked data-kiosk-hide (FINGER hides them): by id, not by their titles, which differ by language */
      #download-py, #download-ipynb, #export-nir { display: none !important; }
      button { font-size: 1rem; }
    `,
  ],
  'sb-results': [FINGER],
  // the lesson list and its Check / Hint / Start again buttons
  'sb-lesson': [css`button { min-height: 48px; min-width: 48px; touch-action: manipulation; } [data-kiosk-hide] { display: none !important; }`],
  'sb-compare': [FINGER],
  'sb-editor': [
    css`
      /* toolbox categories a finger can hit */
      .blocklyToolboxCategory { height: 48px; line-height: 48px; margin-bottom: 4px; }
      .blocklyToolboxCategoryLabel { font-size: 20px; }
    `,
  ],
};

/**
 * Adds the kiosk styles to every component named in KIOSK_STYLES: to the class (for elements
 * made later) and to the elements already on the page.
 */
export function applyKioskStyles(): void {
  for (const [tag, styles] of Object.entries(KIOSK_STYLES)) {
    const element = customElements.get(tag) as (typeof ReactiveElement & { elementStyles?: unknown[] }) | undefined;
    if (element?.elementStyles) element.elementStyles.push(...styles);
    const sheets = styles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => !!s);
    for (const el of deepQueryAll(document, tag)) {
      if (el.shadowRoot) el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, ...sheets];
    }
  }
}

/** Elements of a tag anywhere, shadow roots included. */
function deepQueryAll(root: Document | ShadowRoot, tag: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(tag)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQueryAll(el.shadowRoot, tag));
  return found;
}
