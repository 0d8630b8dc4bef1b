/**
 * Kiosk mode for unattended screens (museums, open days): full screen, big touch targets, no
 * files or settings, a Reset button, and an idle timeout that gives the next visitor a clean
 * start. The app shell only calls Kiosk.fromPage(), start() and confirmReset(); the rest is here.
 */
import * as Blockly from 'blockly';
import { readKioskSettings, IDLE_KEY, KIOSK_KEY, type KioskSettings } from './settings';
import { installKioskGuards, requestFullScreen } from './guards';
import { applyKioskStyles } from './styles';
import { takeWaitingUpdate } from '../sw/register';
import type { Language } from '../i18n';
import { kioskHomeAddress, switchVisitorLanguage, takeLanguageSwitchMark } from './language';
import './sb-kiosk-overlay';
import type { SbKioskOverlay } from './sb-kiosk-overlay';

/** What the app gives the kiosk. */
export interface KioskHost {
  /** Back to the start screen: the first example, no results, no messages, nothing of the visitor. */
  reset(): void;
  workspace(): Blockly.WorkspaceSvg;
}

/** Blockly for fingers: zelos (bigger blocks, fields and connection targets) and a larger start zoom. */
export const KIOSK_BLOCKLY_OPTIONS: Blockly.BlocklyOptions = {
  renderer: 'zelos',
  zoom: { controls: true, wheel: false, pinch: true, startScale: 0.85, maxScale: 2, minScale: 0.4 },
  move: { scrollbars: true, drag: true, wheel: false },
};

/** Input that shows someone is there. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export class Kiosk {
  private host: KioskHost | null = null;
  private overlay: SbKioskOverlay | null = null;
  /** Something was touched since the last reset: only then can the visitor have left. */
  private touched = false;
  private idleTimer = 0;
  private countdownTimer = 0;
  private secondsLeft = 0;

  private constructor(readonly settings: KioskSettings) {}

  /** The kiosk for this page (?kiosk=1, or remembered), or null. A kiosk page always starts clean:
   * a reload (a crashed browser restarted by the launcher) must not show the last visitor's work. */
  static fromPage(): Kiosk | null {
    let store: Storage | null = null;
    try {
      store = localStorage;
    } catch {
      /* storage disabled */
    }
    const settings = readKioskSettings(location.href, store);
    if (!settings) return null;
    // ...unless this load is the visitor's own language switch (src/kiosk/language.ts)
    if (!takeLanguageSwitchMark()) forgetVisitor();
    document.documentElement.dataset.kiosk = '1';
    return new Kiosk(settings);
  }

  /** The header's language buttons: this visitor's language, until the next reset. */
  readonly chooseLanguage = (lang: Language): void => switchVisitorLanguage(lang);

  get blocklyOptions(): Blockly.BlocklyOptions {
    return KIOSK_BLOCKLY_OPTIONS;
  }

  /** Called once the app's editor is up. */
  start(host: KioskHost): void {
    this.host = host;
    installKioskGuards();
    applyKioskStyles();
    this.overlay = document.createElement('sb-kiosk-overlay');
    this.overlay.addEventListener('kiosk-answer', (e) => {
      if ((e as CustomEvent<{ choice: string }>).detail.choice === 'reset') this.resetNow();
      else this.keepGoing();
    });
    document.body.append(this.overlay);
    // Full screen needs a gesture: the first touch (and any later one, after an Esc) asks for it.
    window.addEventListener('pointerup', requestFullScreen, true);
    window.addEventListener('keydown', requestFullScreen, true);
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this.onActivity, { capture: true, passive: true });
    document.body.dataset.kioskIdleSeconds = String(this.settings.idleSeconds);
  }

  /** The Reset button: ask first (a stray touch must not wipe a child's work). */
  confirmReset(): void {
    // the idle timer goes on: a visitor who walks away from the question gets the countdown
    this.show({ kind: 'confirm-reset' });
  }

  /** Back to the start screen now, with nothing of the last visitor kept. */
  resetNow(): void {
    this.stopTimers();
    this.show(null);
    this.touched = false;
    // A visitor switched the language: the next one gets the kiosk's own again (a reload, so
    // every text and Blockly's messages change; the reload starts clean, as every kiosk load does).
    const home = kioskHomeAddress();
    if (home) {
      forgetVisitor();
      location.replace(home);
      return;
    }
    // A newer version waiting to take over does it now, while nobody is looking (it reloads).
    if (takeWaitingUpdate()) return;
    forgetVisitor();
    Blockly.hideChaff(); // open menus, flyouts and dropdowns of the last visitor
    const ws = this.host?.workspace();
    ws?.setScale(ws.options.zoomOptions.startScale);
    this.host?.reset();
    ws?.clearUndo(); // Undo must not bring the last visitor's blocks back
    document.body.dataset.kioskResets = String(Number(document.body.dataset.kioskResets ?? 0) + 1);
  }

  private keepGoing(): void {
    this.stopTimers();
    this.show(null);
    this.restartIdleTimer();
  }

  private onActivity = (e: Event): void => {
    const asked = this.overlay?.question?.kind;
    // A key answers "still there?"; a touch does too, on the question's own click (see the
    // overlay), so that the touch does not go on to the button under it once the question is gone.
    if (asked === 'still-there' && e.type === 'keydown') return this.keepGoing();
    if (asked) return; // "start again?" is answered by its buttons only
    this.touched = true;
    this.restartIdleTimer();
  };

  private restartIdleTimer(): void {
    window.clearTimeout(this.idleTimer);
    if (!this.touched || this.overlay?.question) return;
    this.idleTimer = window.setTimeout(() => this.askStillThere(), this.settings.idleSeconds * 1000);
  }

  private askStillThere(): void {
    this.secondsLeft = this.settings.countdownSeconds;
    this.show({ kind: 'still-there', secondsLeft: this.secondsLeft });
    document.body.dataset.kioskAsked = String(Number(document.body.dataset.kioskAsked ?? 0) + 1);
    this.countdownTimer = window.setInterval(() => {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) this.resetNow();
      else this.show({ kind: 'still-there', secondsLeft: this.secondsLeft });
    }, 1000);
  }

  private stopTimers(): void {
    window.clearTimeout(this.idleTimer);
    window.clearInterval(this.countdownTimer);
  }

  private show(question: SbKioskOverlay['question']): void {
    if (this.overlay) this.overlay.question = question;
  }
}

/** The visitor's traces in this browser: the autosave, kept-aside saves, lesson progress, the
 * remembered server. The kiosk's own settings stay. */
function forgetVisitor(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('spikeblocks.') && key !== KIOSK_KEY && key !== IDLE_KEY) localStorage.removeItem(key);
    }
    sessionStorage.clear();
  } catch {
    /* storage disabled: nothing was kept either */
  }
}
