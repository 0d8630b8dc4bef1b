/**
 * Blockly's keyboard navigation inside our shadow DOM.
 *
 * Blockly 13's FocusManager (one per page) follows the keyboard focus with focusin/focusout
 * listeners on the window and asks `document.activeElement` which element has it. Our workspace
 * lives inside two shadow roots (sb-app → sb-editor), which breaks both, measured in Chromium:
 * - focus moving between two elements inside sb-app's shadow tree (header button → toolbox →
 *   workspace) sends no focusin/focusout to the window at all (both ends retarget to <sb-app>, and
 *   the browser drops such events there): 11 Tab presses, 1 focusin seen by the window;
 * - `document.activeElement` names only the outermost shadow host, <sb-app>.
 * So Blockly never learned that one of its elements had the focus: Tab reached the toolbox, but the
 * arrow keys and every other workspace shortcut found no focused node and did nothing.
 *
 * The adapter, in our code (Blockly itself is not modified):
 * 1. the page's FocusManager is created by us, with its focus listeners on the shadow root that
 *    holds the workspace (where those events do arrive, with the real elements);
 * 2. while the focus is inside a Blockly injection div, `document.activeElement` names that element
 *    (the deepest active element, through each shadow root's own `activeElement`); everywhere else
 *    it gives the browser's answer unchanged;
 * 3. focus dropped by a DOM change (an editor closing, Blockly moving the focused element) does
 *    not count as the learner leaving Blockly (holdBackDroppedFocus).
 */
import * as Blockly from 'blockly';

type Listener = [type: string, listener: EventListener];

const listeners: Listener[] = [];
const roots = new Set<ShadowRoot>();
let installed = false;

/** Makes `document.activeElement` name Blockly's focused element inside shadow roots. */
function deepenActiveElement(): void {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')?.get;
  if (!native) return; // not a browser with the standard getter: leave it as it is
  Object.defineProperty(document, 'activeElement', {
    configurable: true,
    get(this: Document): Element | null {
      const shallow = native.call(this) as Element | null;
      if (!shallow?.shadowRoot) return shallow;
      let deep: Element | null = shallow;
      while (deep?.shadowRoot?.activeElement) deep = deep.shadowRoot.activeElement;
      // Only Blockly's own elements (its popovers, the WidgetDiv and DropDownDiv, live inside the
      // injection div too): the rest of the page keeps the standard answer.
      return deep && deep !== shallow && deep.closest('.injectionDiv') ? deep : shallow;
    },
  });
}

/**
 * Focus dropped by a DOM change, not by the learner. Measured in Chromium: a focusout that says
 * "focus left everything" (relatedTarget null) fires when
 * - a field's editor (the number box under a slider, a text box) closes on Enter and is hidden,
 *   before Blockly hands the focus back to the field: Blockly forgot the field, closed the
 *   slider's popover without giving the focus back, and the next key went to the page's body;
 * - Blockly moves the focused element's SVG group (a dropped block joining its stack, a
 *   highlighted connection reordering its siblings in the next animation frame, which moves the
 *   block the learner has just arrowed to): Blockly then forgot that block and the next arrow key
 *   did nothing (keys faster than a frame apart: 1 in 3 test runs).
 * Neither is the learner leaving. A closing editor's focusout is kept from Blockly (the editor
 * returns the focus itself). Any other one that no pointer press or Tab caused is held back for a
 * moment: if its element is still on the page and nothing else took the focus, the focus goes
 * back to it; otherwise (the element was really removed) Blockly hears it after all.
 */
let learnerMovesFocus = false;

function noteLearnerMovingFocus(event: Event): void {
  if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Tab') return;
  learnerMovesFocus = true;
  setTimeout(() => (learnerMovesFocus = false), 0);
}

function holdBackDroppedFocus(event: Event): void {
  const target = event.target;
  if ((event as FocusEvent).relatedTarget !== null || !(target instanceof HTMLElement || target instanceof SVGElement)) return;
  const popover = target.closest<HTMLElement>('.blocklyWidgetDiv, .blocklyDropDownDiv');
  if (popover && (!target.isConnected || popover.style.display === 'none')) {
    event.stopImmediatePropagation();
    return;
  }
  if (popover || learnerMovesFocus || !document.hasFocus() || !target.closest('.injectionDiv')) return;
  event.stopImmediatePropagation();
  queueMicrotask(() => {
    const now = document.activeElement;
    const focusIsNowhere = now === null || now === document.body;
    if (target.isConnected && focusIsNowhere) target.focus({ preventScroll: true });
    else if (!target.isConnected) for (const [type, listener] of listeners) if (type === 'focusout') listener(event);
  });
}

/**
 * Call before `Blockly.inject(container)`: makes Blockly's focus tracking see focus inside the
 * shadow root that holds `container` (safe to call for every editor; the first call sets up the
 * page's FocusManager, before any workspace registers with it).
 */
export function installShadowFocusAdapter(container: Element): void {
  if (typeof document === 'undefined') return;
  if (!installed) {
    installed = true;
    deepenActiveElement();
    window.addEventListener('pointerdown', noteLearnerMovingFocus, true);
    window.addEventListener('keydown', noteLearnerMovingFocus, true);
    const manager = new Blockly.FocusManager((type, listener) => {
      listeners.push([type, listener]);
      for (const root of roots) root.addEventListener(type, listener);
    });
    // The one FocusManager Blockly's getFocusManager() hands out (a private static, no setter).
    (Blockly.FocusManager as unknown as { focusManager: Blockly.FocusManager }).focusManager = manager;
  }
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot) || roots.has(root)) return;
  roots.add(root);
  root.addEventListener('focusout', holdBackDroppedFocus, true);
  for (const [type, listener] of listeners) root.addEventListener(type, listener);
}
