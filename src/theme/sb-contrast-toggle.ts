/**
 * The header's high-contrast switch: a toggle button (aria-pressed) that turns high contrast on or
 * off for the whole app and remembers it on this device (./contrast.ts). It says every change as
 * a `contrast-change` event ({ on }), so the app shell can hand it to the plots.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../i18n';
import { highContrast, onContrastChange, setHighContrast, startContrast } from './contrast';

export interface ContrastChangeDetail {
  on: boolean;
}

@customElement('sb-contrast-toggle')
export class SbContrastToggle extends LitElement {
  static override styles = css`
    :host { display: inline-flex; }
    button { font: inherit; min-height: 34px; padding: 4px 10px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; color: #1d2329; cursor: pointer; }
    button[aria-pressed='true'] { background: #000; color: #fff; border: 2px solid #fff; font-weight: 700; }
    button:focus-visible { outline: 3px solid #1d2329; outline-offset: 2px; box-shadow: 0 0 0 2px #ffbf47; }
    .icon { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 50%; border: 2px solid currentColor; vertical-align: -0.2em;
      background: linear-gradient(90deg, currentColor 50%, transparent 50%); box-sizing: border-box; }
  `;

  @state() private on = highContrast();
  private stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    startContrast();
    this.stop = onContrastChange((on) => {
      this.on = on;
      this.dispatchEvent(new CustomEvent<ContrastChangeDetail>('contrast-change', { detail: { on }, bubbles: true, composed: true }));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  override render() {
    // an icon only: the header has no room for one more word (its name is for screen readers and the tooltip)
    return html`<button id="contrast" aria-pressed=${this.on ? 'true' : 'false'} aria-label=${t('a11y.contrast.button')}
      title=${`${t('a11y.contrast.button')}: ${t('a11y.contrast.title')}`} @click=${() => setHighContrast(!this.on)}><span class="icon" aria-hidden="true"></span></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-contrast-toggle': SbContrastToggle;
  }
}
