/**
 * Everything a page itself can do so that a visitor cannot leave the app or reach the device:
 * no browser context menu, no links or windows to elsewhere, no file dialogs or downloads, no
 * "back", no page zoom. What a page cannot do (closing the tab with the keyboard, the browser's
 * own menus, the OS) is the kiosk launcher's job: see docs/kiosk.md.
 */
import * as Blockly from 'blockly';

/** Installs the guards for the lifetime of the page (a kiosk never leaves kiosk mode without a
 * reload with ?kiosk=0). */
export function installKioskGuards(): void {
  // The browser's own menu (Back, Save as…, Open link in new tab). Bubble phase: Blockly opens its
  // own block menu from this event first and then prevents the browser's itself.
  window.addEventListener('contextmenu', (e) => e.preventDefault());
  // Blockly's block menu stays (Duplicate, Delete…), but "Help" opens the block's web page.
  if (Blockly.ContextMenuRegistry.registry.getItem('blockHelp')) Blockly.ContextMenuRegistry.registry.unregister('blockHelp');

  // Links to anywhere but this page, new windows, downloads: nothing opens.
  const stopLinks = (e: MouseEvent): void => {
    const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && !!n.href);
    if (link && leavesApp(link)) e.preventDefault();
  };
  window.addEventListener('click', stopLinks, true);
  window.addEventListener('auxclick', stopLinks, true);
  window.open = () => null;
  window.print = () => undefined;
  // Save, Download .py, PNG/CSV exports… make a link with `download` and click it from code.
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!leavesApp(this)) click.call(this);
  };
  // Open… (a file input) and the File System Access pickers.
  const inputClick = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
    if (this.type !== 'file') inputClick.call(this);
  };
  HTMLInputElement.prototype.showPicker = function () {
    /* no file, date or colour pickers outside the page */
  };
  const refuse = () => Promise.reject(new DOMException('Not on a kiosk', 'NotAllowedError'));
  const w = window as unknown as Record<string, unknown>;
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) if (picker in w) w[picker] = refuse;
  if ('share' in navigator) (navigator as { share: unknown }).share = refuse;

  // A file or link dropped on the window would open in its place.
  const noDrop = (e: DragEvent): void => e.preventDefault();
  window.addEventListener('dragover', noDrop);
  window.addEventListener('drop', noDrop);

  // Back (a swipe, a mouse's back button, Alt+←) comes back here at once.
  history.pushState({ kiosk: true }, '');
  window.addEventListener('popstate', () => history.pushState({ kiosk: true }, ''));

  // Shortcuts a page can still catch: open, save, print, view source, history.
  window.addEventListener(
    'keydown',
    (e) => {
      const mod = e.ctrlKey || e.metaKey;
      if ((mod && /^[ospu]$/i.test(e.key)) || (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) || e.key === 'F12') e.preventDefault();
    },
    true,
  );

  // Pinching the page would zoom the whole app (Blockly's own pinch zoom is unaffected).
  let viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  if (!viewport) {
    viewport = document.createElement('meta');
    viewport.name = 'viewport';
    document.head.append(viewport);
  }
  viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no';
  const page = document.documentElement.style;
  // no swipe-to-go-back, no pull-to-refresh, no double-tap zoom, no press-and-hold text menus
  page.overscrollBehavior = 'none';
  page.touchAction = 'manipulation';
  page.userSelect = 'none';
  page.setProperty('-webkit-user-select', 'none');
  page.setProperty('-webkit-touch-callout', 'none');
}

/** A link that would take the visitor somewhere: another page, a new window, a download. */
function leavesApp(link: HTMLAnchorElement): boolean {
  if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return true;
  const to = new URL(link.href, location.href);
  return to.origin !== location.origin || to.pathname !== location.pathname;
}

/** Asks for full screen; browsers allow it only during a touch, click or key press. */
export function requestFullScreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || !document.fullscreenEnabled || !root.requestFullscreen) return;
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
    /* refused (e.g. a browser setting): the kiosk launcher's full screen still holds */
  });
}
