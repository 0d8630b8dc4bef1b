/**
 * The settings panel for where programs run: this browser (default), NEST Server, Norse Server or
 * a Jupyter kernel, with the server's address and token and a "Check connection" button. A modal
 * <dialog>: Esc closes it without changing anything, focus stays inside while it is open.
 *
 * It only edits a copy: the app hears `backend-change` when the learner presses "Use", and passes
 * a `check` function that asks the backend for its health.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { BackendInfo, BackendKind, BackendSettings } from '../remote/backend';
import { t } from '../i18n';
import { BACKEND_CHOICES, choice, cleanServerUrl, serverUrlProblem, tokenInUrl } from '../remote/settings';

type CheckState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'ok'; text: string } | { kind: 'failed'; text: string };

@customElement('sb-backend-settings')
export class SbBackendSettings extends LitElement {
  static override styles = css`
    dialog { border: 1px solid #8ea0b4; border-radius: 8px; padding: 16px 20px; max-width: min(560px, 94vw); font: 14px/1.45 system-ui, 'DejaVu Sans', sans-serif; color: #1d2329; }
    dialog::backdrop { background: rgb(20 30 40 / 45%); }
    h2 { font-size: 1.1rem; margin: 0 0 10px; }
    fieldset { border: none; margin: 0 0 10px; padding: 0; display: grid; gap: 6px; }
    legend { font-weight: 600; margin-bottom: 4px; }
    .choice { display: grid; grid-template-columns: 24px 1fr; align-items: start; gap: 2px 6px; padding: 6px 8px; border: 1px solid #d7dbe0; border-radius: 6px; cursor: pointer; }
    .choice:has(input:checked) { border-color: #20334a; background: #eef3f8; }
    .choice input { width: 20px; height: 20px; margin: 2px 0 0; }
    .choice small { grid-column: 2; color: #4b5560; }
    label.field { display: grid; gap: 2px; margin: 8px 0; }
    input[type='url'], input[type='password'] { font: inherit; padding: 6px 8px; border: 1px solid #8ea0b4; border-radius: 5px; min-height: 34px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 12px; }
    .spacer { flex: 1; }
    button { font: inherit; min-height: 36px; padding: 4px 14px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; cursor: pointer; }
    button.primary { background: #20334a; border-color: #20334a; color: white; font-weight: 600; }
    button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
    .status { margin: 8px 0 0; padding: 6px 8px; border-radius: 5px; }
    .status.ok { background: #e5f4ea; color: #14532d; }
    .status.failed { background: #fbe9ea; color: #842029; }
    .hint { color: #4b5560; font-size: 0.9em; margin: 2px 0 0; }
  `;

  /** The settings in use now (the panel starts from them each time it opens). */
  @property({ attribute: false }) settings: BackendSettings = { kind: 'local', url: '', token: '' };
  /** Asks a backend for its health; given by the app. */
  @property({ attribute: false }) check: ((settings: BackendSettings) => Promise<BackendInfo>) | null = null;

  @state() private draft: BackendSettings = this.settings;
  @state() private checkState: CheckState = { kind: 'idle' };
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the panel on the settings in use. */
  open(): void {
    this.draft = { ...this.settings, url: this.settings.url || choice(this.settings.kind).defaultUrl };
    this.checkState = { kind: 'idle' };
    this.dialog.showModal();
    // start on the choice in use, not on the first one
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="backend"]:checked')?.focus());
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  override render() {
    const current = choice(this.draft.kind);
    const urlProblem = current.kind !== 'local' ? (serverUrlProblem(this.draft.url) ?? '') : '';
    return html`
      <dialog aria-labelledby="settings-title" @close=${() => (this.checkState = { kind: 'idle' })}>
        <!-- a form, so Enter anywhere in it means Use -->
        <form @submit=${this.submit}>
        <h2 id="settings-title">${t('backendSettings.title')}</h2>
        <fieldset aria-label=${t('backendSettings.choices')}>
          ${BACKEND_CHOICES.map(
            (c) => html`<label class="choice">
              <input type="radio" name="backend" value=${c.kind} .checked=${c.kind === this.draft.kind}
                @change=${() => this.pick(c.kind)} />
              <span>${c.label}</span>
              <small>${c.help}</small>
            </label>`,
          )}
        </fieldset>
        ${current.kind === 'local'
          ? nothing
          : html`
              <label class="field">${t('backendSettings.address')}
                <input id="server-url" type="url" .value=${this.draft.url} placeholder=${current.defaultUrl}
                  @input=${(e: Event) => this.edit({ url: (e.target as HTMLInputElement).value })} aria-invalid=${urlProblem ? 'true' : 'false'} />
              </label>
              ${urlProblem ? html`<p class="hint">${urlProblem}</p>` : nothing}
              ${current.takesToken
                ? html`<label class="field">${t('backendSettings.token')}
                      <input id="server-token" type="password" autocomplete="off" .value=${this.draft.token}
                        @input=${(e: Event) => this.edit({ token: (e.target as HTMLInputElement).value })} />
                    </label>
                    <p class="hint">${t('backendSettings.tokenKept')}</p>`
                : nothing}
            `}
        ${this.renderCheck()}
        <div class="row">
          ${current.kind === 'local' ? nothing : html`<button id="check" type="button" @click=${this.runCheck} ?disabled=${!!urlProblem || this.checkState.kind === 'checking'}>${t('backendSettings.check')}</button>`}
          <span class="spacer"></span>
          <button id="cancel" type="button" @click=${() => this.dialog.close()}>${t('backendSettings.cancel')}</button>
          <button id="use" type="submit" class="primary" ?disabled=${!!urlProblem}>${t('backendSettings.use')}</button>
        </div>
        </form>
      </dialog>
    `;
  }

  private renderCheck() {
    const s = this.checkState;
    if (s.kind === 'idle') return nothing;
    if (s.kind === 'checking') return html`<p class="status" role="status">${t('backendSettings.checking')}</p>`;
    return html`<p class="status ${s.kind}" role="status">${s.text}</p>`;
  }

  private pick(kind: BackendKind): void {
    // switching kind starts from that kind's usual address unless the learner typed one for it
    const url = kind === this.settings.kind && this.settings.url ? this.settings.url : choice(kind).defaultUrl;
    this.draft = { kind, url, token: kind === this.settings.kind ? this.settings.token : '' };
    this.checkState = { kind: 'idle' };
  }

  private edit(change: Partial<BackendSettings>): void {
    // the address Jupyter prints carries its token (…/lab?token=…): it goes in the token field
    const token = change.url !== undefined ? tokenInUrl(change.url) : null;
    this.draft = { ...this.draft, ...change, ...(token && choice(this.draft.kind).takesToken ? { token } : {}) };
    this.checkState = { kind: 'idle' };
  }

  private async runCheck(): Promise<void> {
    if (!this.check) return;
    const settings = this.cleaned();
    if (!settings) return;
    this.checkState = { kind: 'checking' };
    try {
      const info = await this.check(settings);
      const text = info.models ? t('backendSettings.connectedModels', { summary: info.summary, count: info.models.length }) : t('backendSettings.connected', { summary: info.summary });
      this.checkState = { kind: 'ok', text };
    } catch (e) {
      this.checkState = { kind: 'failed', text: (e as Error).message };
    }
  }

  private cleaned(): BackendSettings | null {
    if (this.draft.kind === 'local') return { kind: 'local', url: '', token: '' };
    const url = cleanServerUrl(this.draft.url);
    return url ? { kind: this.draft.kind, url, token: this.draft.token.trim() } : null;
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.use();
  }

  private use(): void {
    const settings = this.cleaned();
    if (!settings) return;
    this.dispatchEvent(new CustomEvent('backend-change', { detail: { settings }, bubbles: true, composed: true }));
    this.dialog.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-backend-settings': SbBackendSettings;
  }
}
