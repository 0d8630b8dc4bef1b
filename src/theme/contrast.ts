/**
 * High contrast for the whole app: the learner's choice on this device (localStorage
 * 'spikeblocks.contrast': 'more' or 'normal'), else the system's `prefers-contrast: more`.
 * Switching applies at once, without a reload: the components' extra style sheets are filled or
 * emptied (./styles.ts), the block editor changes its Blockly theme, and listeners (the app shell,
 * for the plots' `.highContrast`) hear it.
 */
import { applyContrastStyles } from './styles';

const STORAGE_KEY = 'spikeblocks.contrast';
const QUERY = '(prefers-contrast: more)';

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();
let current: boolean | null = null;

function storedChoice(): boolean | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'more' ? true : value === 'normal' ? false : null;
  } catch {
    return null; // storage blocked (private mode): the system's setting decides
  }
}

function systemWantsMore(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

/** Whether high contrast is on (the stored choice, else the system's). */
export function highContrast(): boolean {
  if (current === null) current = storedChoice() ?? systemWantsMore();
  return current;
}

/** Turns high contrast on or off now; `remember` keeps it as this device's choice. */
export function setHighContrast(on: boolean, remember = true): void {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, on ? 'more' : 'normal');
    } catch {
      // not remembered: it still applies now
    }
  }
  if (current === on) return;
  current = on;
  apply(on);
  for (const listener of listeners) listener(on);
}

/** Calls `listener` on every change; returns the function that stops it. */
export function onContrastChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function apply(on: boolean): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.contrast = on ? 'more' : 'normal';
  applyContrastStyles(on);
}

let started = false;

/** Applies the current setting once and follows the system's setting while no choice is stored. */
export function startContrast(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  apply(highContrast());
  if (typeof matchMedia !== 'function') return;
  matchMedia(QUERY).addEventListener('change', (e) => {
    if (storedChoice() === null) setHighContrast(e.matches, false);
  });
}
