/**
 * The Python the blocks stand for. Read-only and live by default; "Edit" lets a learner change the
 * text by hand and run that instead (the blocks stay as they were until "Back to blocks").
 * The edited text is the app's state: every change is reported as an `edit-change` event, so it
 * is saved with the project like the blocks are.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fileNameFor } from '../storage/project';
import { makeNotebook } from '../export/notebook';
import { t } from '../i18n';

const PY_KEYWORDS = new Set(
  'False None True and as assert break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

/** A tiny Python highlighter: enough for keywords, strings, numbers and comments in generated
 * code, and never wrong about where text ends (everything goes through lit's escaping). */
function highlightLine(line: string) {
  const parts: unknown[] = [];
  const re = /(#.*$)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d+(?:\.\d*)?(?:e[-+]?\d+)?\b)|([A-Za-z_]\w*)/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) parts.push(line.slice(last, m.index));
    const [text, comment, str, num, word] = m;
    if (comment) parts.push(html`<span class="c">${text}</span>`);
    else if (str) parts.push(html`<span class="s">${text}</span>`);
    else if (num) parts.push(html`<span class="n">${text}</span>`);
    else if (word && PY_KEYWORDS.has(word)) parts.push(html`<span class="k">${text}</span>`);
    else parts.push(text);
    last = m.index + text.length;
  }
  parts.push(line.slice(last));
  return parts;
}

/** Marks a line of hand-edited code the way an editor would: selected, in view, focused. */
function selectLine(textarea: HTMLTextAreaElement, line: number): void {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 19;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

@customElement('sb-code-panel')
export class SbCodePanel extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; background: #fbfbfd; border: 1px solid #d7dbe0; border-radius: 6px; }
    /* the buttons wrap under the title in a narrow panel (a lesson open at 1024 px) instead of running off it */
    header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 4px 8px; border-bottom: 1px solid #d7dbe0; }
    header h2 { font-size: 0.95rem; margin: 0; flex: 1; font-weight: 600; }
    .badge { font-size: 0.75rem; background: #fff3cd; color: #664d03; padding: 1px 6px; border-radius: 8px; }
    button { font: inherit; font-size: 0.85rem; padding: 3px 10px; border: 1px solid #aeb6bf; background: white; border-radius: 4px; cursor: pointer; min-height: 28px; }
    button:hover { background: #eef1f4; }
    button:focus-visible { outline: 2px solid #0a58ca; outline-offset: 1px; }
    .body { flex: 1; overflow: auto; min-height: 0; }
    pre, textarea { margin: 0; font: 13px/1.45 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
    pre { padding: 6px 0; counter-reset: line; }
    .line { display: block; padding: 0 10px 0 0; white-space: pre; }
    .line::before { counter-increment: line; content: counter(line); display: inline-block; width: 3ch; margin-right: 1.2ch; text-align: right; color: #8a939c; user-select: none; }
    .line.error { background: #f8d7da; }
    textarea { width: 100%; height: 100%; box-sizing: border-box; border: 0; padding: 6px 10px; resize: none; background: white; white-space: pre; }
    .k { color: #7928a1; font-weight: 600; }
    .s { color: #0f6e32; }
    .n { color: #9a3c00; }
    .c { color: #6a737d; font-style: italic; }
  `;

  /** The generated program. */
  @property() code = '';
  /** 1-based line a run failed on, or 0. */
  @property({ type: Number }) errorLine = 0;
  @property() projectName = 'spikeblocks';
  /** what the Python is written for, e.g. "PyNEST", "Norse" */
  @property() language = 'PyNEST';
  /** Offer "NIR" (the network as a .nir file): the app does the export on `export-nir`. */
  @property({ type: Boolean }) nir = false;
  /** Text edited by hand, or null while the panel follows the blocks. */
  @property({ attribute: false }) edited: string | null = null;

  /** What Run should execute: the hand-edited text if there is one. */
  get programText(): string {
    return this.edited ?? this.code;
  }

  get isEdited(): boolean {
    return this.edited !== null;
  }

  override render() {
    const lines = this.programText.split('\n');
    return html`
      <header>
        <h2 id="code-title">Python (${this.language})</h2>
        ${this.edited !== null ? html`<span class="badge">${t('codePanel.editedBadge')}</span>` : nothing}
        <button id="copy" @click=${this.copy} title=${t('codePanel.copyTitle')}>${t('codePanel.copy')}</button>
        <button id="download-py" data-kiosk-hide @click=${this.download} title=${t('codePanel.downloadPyTitle')}>${t('codePanel.downloadPy')}</button>
        <button id="download-ipynb" data-kiosk-hide @click=${this.downloadNotebook} title=${t('codePanel.downloadIpynbTitle')}>.ipynb</button>
        ${this.nir
          ? html`<button id="export-nir" data-kiosk-hide @click=${() => this.dispatchEvent(new CustomEvent('export-nir', { bubbles: true, composed: true }))}
              title=${t('codePanel.nirTitle')}>NIR</button>`
          : nothing}
        ${this.edited === null
          ? html`<button id="edit" @click=${this.startEdit} title=${t('codePanel.editTitle')}>${t('codePanel.edit')}</button>`
          : html`<button id="back-to-blocks" @click=${this.backToBlocks} title=${t('codePanel.backToBlocksTitle')}>${t('codePanel.backToBlocks')}</button>`}
      </header>
      <div class="body">
        ${this.edited === null
          ? html`<pre role="region" aria-labelledby="code-title" tabindex="0">${lines.map(
              (l, i) => html`<span class="line ${i + 1 === this.errorLine ? 'error' : ''}">${highlightLine(l)}</span>`,
            )}</pre>`
          : html`<textarea aria-labelledby="code-title" spellcheck="false" .value=${this.edited} @input=${this.onInput}></textarea>`}
      </div>
    `;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('errorLine') || this.errorLine <= 0) return;
    const textarea = this.renderRoot.querySelector('textarea');
    if (textarea) selectLine(textarea, this.errorLine);
    else this.renderRoot.querySelector('.line.error')?.scrollIntoView({ block: 'nearest' });
  }

  private setEdited(edited: string | null): void {
    this.edited = edited;
    this.dispatchEvent(new CustomEvent<{ edited: string | null }>('edit-change', { detail: { edited }, bubbles: true, composed: true }));
  }

  private onInput(e: Event): void {
    this.setEdited((e.target as HTMLTextAreaElement).value);
  }

  private startEdit(): void {
    this.setEdited(this.code);
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  private backToBlocks(): void {
    this.setEdited(null);
  }

  private async copy(): Promise<void> {
    await navigator.clipboard.writeText(this.programText);
    this.dispatchEvent(new CustomEvent('notice', { detail: { text: t('codePanel.copied') }, bubbles: true, composed: true }));
  }

  /** The same program as a notebook; the last cell prints (and plots) `response`. */
  private downloadNotebook(): void {
    const text = makeNotebook({ projectName: this.projectName, code: this.programText, language: this.language });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ipynb+json' }));
    a.download = fileNameFor(this.projectName, 'ipynb');
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private download(): void {
    const blob = new Blob([this.programText], { type: 'text/x-python' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileNameFor(this.projectName, 'py');
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-code-panel': SbCodePanel;
  }
}
