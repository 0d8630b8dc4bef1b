/**
 * A visitor's own language on a kiosk. The kiosk's language is its address's ?lang= or the
 * browser's (a kiosk keeps no language choice on the device). A visitor may switch for
 * themselves: the page reloads in that language and keeps their blocks (the autosave), and the
 * next reset (the button or the idle timeout) brings the kiosk's language back for the next
 * visitor. The switch lives in sessionStorage only, so a browser restarted after a crash starts
 * in the kiosk's language as well.
 */
import type { Language } from '../i18n';

/** The kiosk's address before a visitor's first switch (their switch adds ?lang= to it). */
const HOME_KEY = 'spikeblocks.kiosk.home';
/** Set just before a switch reloads the page: that load is the same visitor, not a new one. */
const SWITCH_KEY = 'spikeblocks.kiosk.language-switch';

/** Reloads the page in `lang` for this visitor, with their work. */
export function switchVisitorLanguage(lang: Language): void {
  try {
    if (!sessionStorage.getItem(HOME_KEY)) sessionStorage.setItem(HOME_KEY, location.href);
    sessionStorage.setItem(SWITCH_KEY, '1');
  } catch {
    // storage disabled: the reload is a new visitor's start (nothing could be kept anyway)
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  location.replace(url.href);
}

/** Whether this load follows a visitor's language switch (true once: the mark is taken). */
export function takeLanguageSwitchMark(): boolean {
  try {
    const marked = sessionStorage.getItem(SWITCH_KEY) === '1';
    sessionStorage.removeItem(SWITCH_KEY);
    return marked;
  } catch {
    return false;
  }
}

/** The kiosk's own address when a visitor switched the language away from it, else null. */
export function kioskHomeAddress(): string | null {
  try {
    const home = sessionStorage.getItem(HOME_KEY);
    return home && home !== location.href ? home : null;
  } catch {
    return null;
  }
}
