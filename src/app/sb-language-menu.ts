/**
 * The language menu in the header: each language named in itself ("English", "Deutsch"), so a
 * learner finds their own whatever the page shows now. Choosing one reloads the page in it
 * (chooseLanguage: autosave keeps the blocks). In a kiosk (`large`) it is a big button per other
 * language, labelled in that language, for museum visitors who may not read the one shown.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LANGUAGES, LANGUAGE_NAMES, chooseLanguage, language, t, textIn, type Language } from '../i18n';

@customElement('sb-language-menu')
export class SbLanguageMenu extends LitElement {
  static override styles = css`
    :host { display: inline-flex; gap: 6px; }
    select, button { font: inherit; min-height: 34px; padding: 4px 6px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; color: #1d2329; cursor: pointer; }
    select:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
    /* a kiosk: as big as the other kiosk buttons, and easy to spot */
    button { min-height: 48px; min-width: 48px; padding: 6px 16px; font-size: 1.05rem; font-weight: 700; border: 2px solid white; background: #2e5b8a; color: white; touch-action: manipulation; }
  `;

  /** Kiosk mode: big buttons instead of a menu. */
  @property({ type: Boolean }) large = false;
  /** What choosing a language does (the kiosk has its own: a visitor's choice ends with the visitor). */
  @property({ attribute: false }) choose: (lang: Language) => void = chooseLanguage;

  override render() {
    const shown = language();
    if (this.large) {
      return LANGUAGES.filter((l) => l !== shown).map(
        (l) => html`<button id="language-${l}" lang=${l} title=${textIn(l, 'app.kioskLanguageTitle', { language: LANGUAGE_NAMES[l] })}
          @click=${() => this.choose(l)}>${LANGUAGE_NAMES[l]}</button>`,
      );
    }
    return html`<select id="language" aria-label=${t('app.language')} title=${t('app.languageTitle')} @change=${this.onChange}>
      ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === shown}>${LANGUAGE_NAMES[l]}</option>`)}
    </select>`;
  }

  private onChange(e: Event): void {
    const lang = (e.target as HTMLSelectElement).value as Language;
    if (lang !== language()) this.choose(lang);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-language-menu': SbLanguageMenu;
  }
}
