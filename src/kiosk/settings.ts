/**
 * Whether this browser is a kiosk, and its idle timeout. A kiosk is set up once by opening the
 * app with ?kiosk=1 (the device remembers it, so the launcher's address may drop the query), and
 * only ?kiosk=0 turns it off again — a visitor cannot. ?idle=SECONDS sets the idle timeout.
 */

export const KIOSK_KEY = 'spikeblocks.kiosk';
export const IDLE_KEY = 'spikeblocks.kiosk.idle';
/** Two minutes without a touch: the visitor has left (museum staff's usual figure). */
export const DEFAULT_IDLE_SECONDS = 120;

export interface KioskSettings {
  /** seconds without any input before the "still there?" question */
  idleSeconds: number;
  /** seconds the question waits for a touch before the kiosk starts again */
  countdownSeconds: number;
}

/** The part of localStorage these settings use (a Map-backed one in unit tests). */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ON = new Set(['', '1', 'true', 'on', 'yes']);
const OFF = new Set(['0', 'false', 'off', 'no']);

/** Reads (and, for ?kiosk=… and ?idle=…, stores) the kiosk settings; null when not a kiosk. */
export function readKioskSettings(href: string, store: SettingsStore | null): KioskSettings | null {
  const params = new URL(href).searchParams;
  const asked = params.get('kiosk');
  let on: boolean;
  if (asked !== null && OFF.has(asked.toLowerCase())) {
    on = false;
    safely(() => {
      store?.removeItem(KIOSK_KEY);
      store?.removeItem(IDLE_KEY);
    });
  } else if (asked !== null && ON.has(asked.toLowerCase())) {
    on = true;
    safely(() => store?.setItem(KIOSK_KEY, '1'));
  } else {
    on = safely(() => store?.getItem(KIOSK_KEY)) === '1';
  }
  if (!on) return null;
  const idleText = params.get('idle');
  const idleAsked = idleText === null ? NaN : Number(idleText);
  if (Number.isFinite(idleAsked) && idleAsked > 0) safely(() => store?.setItem(IDLE_KEY, String(idleAsked)));
  const stored = Number(safely(() => store?.getItem(IDLE_KEY)) ?? NaN);
  const idleSeconds = Number.isFinite(idleAsked) && idleAsked > 0 ? idleAsked : Number.isFinite(stored) && stored > 0 ? stored : DEFAULT_IDLE_SECONDS;
  return { idleSeconds, countdownSeconds: countdownFor(idleSeconds) };
}

/** An eighth of the idle time, between 2 and 15 s: long enough to read and touch, short enough
 * that a short test timeout stays short. */
export function countdownFor(idleSeconds: number): number {
  return Math.min(15, Math.max(2, Math.round(idleSeconds / 8)));
}

/** Storage may be disabled (private mode, policy): the kiosk then lasts for this page only. */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
