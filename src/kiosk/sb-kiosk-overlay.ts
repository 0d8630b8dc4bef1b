/**
 * The kiosk's two questions, over the whole screen: "Start again?" after the Reset button, and
 * "Still there?" with a countdown when nobody has touched the screen for a while. Big buttons,
 * few words: the reader may be eight years old.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../i18n';

export type KioskQuestion = { kind: 'confirm-reset' } | { kind: 'still-there'; secondsLeft: number } | null;

@customElement('sb-kiosk-overlay')
export class SbKioskOverlay extends LitElement {
  static override styles = css`
    :host { position: fixed; inset: 0; z-index: 100000; display: none; font: 20px/1.4 system-ui, 'DejaVu Sans', sans-serif; }
    :host([open]) { display: grid; place-items: center; background: rgba(16, 26, 38, 0.6); }
    .box { background: white; color: #1d2329; border-radius: 14px; padding: 28px 36px; max-width: 34rem; text-align: center; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.35); }
    h2 { margin: 0 0 8px; font-size: 1.8rem; }
    p { margin: 0 0 22px; }
    .count { font-size: 3rem; font-weight: 700; color: #a4262c; margin: 0 0 16px; }
    .buttons { display: flex; gap: 16px; justify-content: center; flex-wrap: wrap; }
    button { font: inherit; font-weight: 600; min-height: 64px; min-width: 160px; padding: 8px 24px; border-radius: 10px; border: 2px solid #20334a; background: white; color: #1d2329; cursor: pointer; touch-action: manipulation; }
    button.primary { background: #1f7a3a; border-color: #1f7a3a; color: white; }
    button:focus-visible { outline: 4px solid #ffbf47; outline-offset: 2px; }
  `;

  @property({ attribute: false }) question: KioskQuestion = null;

  constructor() {
    super();
    // "Touch anywhere to go on": a click anywhere on the question, backdrop included
    this.addEventListener('click', () => {
      if (this.question?.kind === 'still-there') this.answer('keep');
    });
  }

  override updated(changed: Map<string, unknown>): void {
    this.toggleAttribute('open', this.question !== null);
    // a keyboard (if the kiosk has one) lands on the harmless answer
    if (changed.has('question') && this.question) this.renderRoot.querySelector<HTMLButtonElement>('#reset-no, #still-here')?.focus();
    if (this.question) this.setAttribute('role', 'alertdialog');
    else this.removeAttribute('role');
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    if (q.kind === 'confirm-reset') {
      return html`<div class="box" aria-labelledby="title">
        <h2 id="title">${t('kiosk.resetTitle')}</h2>
        <p>${t('kiosk.resetText')}</p>
        <div class="buttons">
          <button id="reset-yes" class="primary" @click=${() => this.answer('reset')}>${t('kiosk.resetYes')}</button>
          <button id="reset-no" @click=${() => this.answer('keep')}>${t('kiosk.resetNo')}</button>
        </div>
      </div>`;
    }
    return html`<div class="box" aria-labelledby="title" aria-describedby="count">
      <h2 id="title">${t('kiosk.stillThereTitle')}</h2>
      <p>${t('kiosk.stillThereText')}</p>
      <p class="count" id="count" aria-live="assertive">${t('kiosk.countdown', { seconds: q.secondsLeft })}</p>
      <div class="buttons">
        <!-- answered by the click listener on the whole question -->
        <button id="still-here" class="primary">${t('kiosk.stillHere')}</button>
      </div>
    </div>`;
  }

  private answer(choice: 'reset' | 'keep'): void {
    this.dispatchEvent(new CustomEvent<{ choice: 'reset' | 'keep' }>('kiosk-answer', { detail: { choice } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-kiosk-overlay': SbKioskOverlay;
  }
}
