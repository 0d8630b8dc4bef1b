/**
 * The lesson panel beside the workspace: the list of lessons with what is done, and the open
 * lesson — its text and picture, its goal (checked after every run), hints one at a time,
 * previous / next. It keeps progress and the learner's blocks per lesson in the browser
 * (src/lessons/progress.ts). The app does the rest through events: `lesson-open` (load these
 * blocks with this toolbox), `lesson-close` (back to your own project), `lesson-run` (Check:
 * run the blocks), `lesson-panel-change` (the panel appeared or went away).
 *
 * A lesson shows in the learner's language when its file has it complete, else in its own
 * language with a note (src/lessons/localize.ts); the panel's own words come from the text table
 * (src/i18n/texts/lessons.ts). Elements holding the lesson's own words carry `data-content`, so a
 * test of the pseudo language can tell them from the panel's texts.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { bundledLessons, pictureUrl } from '../lessons/bundled';
import type { LessonCatalog, ReadyLesson } from '../lessons/catalog';
import type { ToolboxDef } from '../lessons/format';
import { checkGoal, type GoalResult, type GoalRun } from '../lessons/goals';
import { showLesson, type ShownLesson } from '../lessons/localize';
import { language, t } from '../i18n';
import { parseMarkdown, type Span } from '../lessons/markdown';
import { LessonProgress } from '../lessons/progress';
import { blockTypesIn, blockWords, blocksFromOutside } from '../lessons/allowed-blocks';
import { browserStorage } from '../storage/autosave';

export interface LessonOpenDetail {
  id: string;
  title: string;
  simulator: string;
  toolbox: ToolboxDef;
  workspace: Record<string, unknown>;
  /** the lesson's own start, for when the stored work cannot be loaded */
  start: Record<string, unknown>;
}

type View = 'closed' | 'list' | 'lesson';

@customElement('sb-lesson')
export class SbLesson extends LitElement {
  static override styles = css`
    /* a column: the title on top, the goal and Check at the bottom, always in view; the text
     * scrolls between them (a kiosk at 1024 × 768 has room for a few paragraphs only) */
    :host { display: flex; flex-direction: column; min-width: 0; min-height: 0; overflow: hidden; container-type: inline-size; background: white; border: 1px solid #d7dbe0; border-radius: 6px; font-size: 14px; line-height: 1.45; }
    .bar { padding: 8px 12px 0; }
    .scroll { flex: 1 1 auto; min-height: 0; overflow-y: auto; overflow-x: hidden; padding: 0 12px 8px; }
    .foot { flex: 0 0 auto; max-height: 60%; overflow-y: auto; padding: 0 12px 8px; border-top: 1px solid #e3e7eb; box-shadow: 0 -4px 6px -6px #8ea0b4; }
    .foot .goal { margin-top: 8px; }
    .foot .nav { margin-top: 6px; }
    /* a narrow panel (a lesson beside the workspace at 1024 px): a smaller picture, tighter text */
    @container (max-width: 320px) {
      /* at 130 px high the picture's words stay about 10 px: readable */
      img { max-height: 130px; width: auto; margin: 0 auto 4px; }
      .text p, .text ul { margin: 0.5em 0; }
      .text ul { padding-left: 18px; }
      .goal { padding: 4px 6px; }
    }
    h2 { font-size: 1.05rem; margin: 0; flex: 1; }
    .bar { display: flex; gap: 6px; align-items: center; margin-bottom: 6px; }
    button { font: inherit; min-height: 32px; padding: 3px 10px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; color: #1d2329; cursor: pointer; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
    #check { background: #1f7a3a; border-color: #1f7a3a; color: white; font-weight: 600; }
    img { display: block; max-width: 100%; height: auto; margin: 4px auto 8px; }
    code { background: #eef1f4; padding: 0 3px; border-radius: 3px; font-size: 0.92em; }
    .goal { border-left: 4px solid #3b7dd8; background: #eef4fc; padding: 6px 8px; margin: 8px 0; }
    .goal.passed { border-color: #1f7a3a; background: #e6f4ea; }
    .goal.failed { border-color: #b07d00; background: #fff4d6; }
    .goal ul { margin: 4px 0 0; padding-left: 18px; }
    .hint { background: #f6f2fb; border-left: 4px solid #7b4fb8; padding: 4px 8px; margin: 6px 0; }
    ol.lessons { padding-left: 0; list-style: none; margin: 0; }
    ol.lessons li { margin: 2px 0; }
    ol.lessons button { width: 100%; text-align: left; display: flex; gap: 6px; }
    .mark { width: 1.2em; display: inline-block; }
    .done-mark { color: #1f7a3a; font-weight: 700; }
    .progress { color: #5b6670; font-size: 0.85rem; }
    .problems { color: #842029; font-size: 0.85rem; }
    .nav { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
    /* long German words (Eingangs-Spikes, Refraktärzeit) break rather than push the panel wide */
    h2, .text, .goal, .hint { overflow-wrap: anywhere; hyphens: auto; }
    .other-language { margin-left: auto; color: #5b6670; font-size: 0.85em; }
    .language-note { margin: 0 0 6px; padding: 3px 8px; background: #eef1f4; border-left: 4px solid #5b6670; font-size: 0.85rem; }
    .notes { color: #5b6670; font-size: 0.85rem; }
  `;

  /** Simulator of the blocks on the workspace (a goal is only checked on its own simulator). */
  @property() simulator = '';

  @state() private view: View = 'closed';
  @state() private lesson: ReadyLesson | null = null;
  @state() private outcome: GoalResult | null = null;
  @state() private hintsShown = 0;
  @state() private done = new Set<string>();
  /** the blocks before "Start again", so it can be undone */
  @state() private beforeRestart: Record<string, unknown> | null = null;
  private readonly progress = new LessonProgress(browserStorage());
  /** the checked lessons, once loaded (they load on first use) */
  @state() private catalog: LessonCatalog = { lessons: [], problems: [], notes: [] };
  private loaded: Promise<void> | null = null;

  constructor() {
    super();
    this.done = this.progress.done();
  }

  /** The open lesson, or null. */
  get active(): ReadyLesson | null {
    return this.lesson;
  }

  get lessons(): readonly ReadyLesson[] {
    return this.catalog.lessons;
  }

  /** Loads the lesson files (once). */
  ready(): Promise<void> {
    this.loaded ??= bundledLessons().then((c) => {
      this.catalog = c;
    });
    return this.loaded;
  }

  /** The header's Lessons button: the list, or away with it. */
  async toggleList(): Promise<void> {
    await this.ready();
    this.setView(this.view === 'list' ? (this.lesson ? 'lesson' : 'closed') : 'list');
  }

  /** Opens the lesson the page address names (?lesson=id), else the one open when the page was left. */
  async openFromAddress(): Promise<void> {
    let wanted: string | null = null;
    try {
      wanted = new URL(location.href).searchParams.get('lesson');
    } catch {
      // no usable page address
    }
    // the lesson open last time, unless the address brings a shared project (#p=…) to open instead
    if (!wanted && !location.hash.startsWith('#p=')) wanted = this.progress.openLesson();
    if (!wanted) return;
    await this.ready();
    if (this.open(wanted)) return;
    this.setView('list');
    this.setAddress(null);
    const text = t('lessons.noSuchLesson', { id: wanted.slice(0, 40) });
    this.dispatchEvent(new CustomEvent('notice', { detail: { text }, bubbles: true, composed: true }));
  }

  /** Opens a lesson with the learner's blocks in it (or its start). False when there is no such lesson. */
  open(id: string): boolean {
    const lesson = this.catalog.lessons.find((l) => l.id === id);
    if (!lesson) return false;
    this.lesson = lesson;
    this.outcome = null;
    this.hintsShown = 0;
    this.beforeRestart = null;
    this.progress.setOpenLesson(id);
    this.setAddress(id);
    this.setView('lesson');
    // a new lesson starts at the top of its text, not where the last one was scrolled to
    void this.updateComplete.then(() => this.renderRoot.querySelector('.scroll')?.scrollTo(0, 0));
    const detail: LessonOpenDetail = {
      id,
      title: this.shown(lesson).title,
      simulator: lesson.simulator,
      toolbox: lesson.toolboxDef,
      workspace: this.progress.work(id) ?? lesson.start,
      start: lesson.start,
    };
    this.dispatchEvent(new CustomEvent<LessonOpenDetail>('lesson-open', { detail, bubbles: true, composed: true }));
    return true;
  }

  /** Forgets what is marked done on screen after the storage was cleared (a kiosk reset for the
   * next visitor). */
  forgetProgress(): void {
    this.done = this.progress.done();
  }

  /** Leaves the lesson: the app brings back the learner's own project and the full toolbox. */
  close(): void {
    if (!this.lesson) return this.setView('closed');
    this.lesson = null;
    this.outcome = null;
    this.progress.setOpenLesson(null);
    this.setAddress(null);
    this.setView('closed');
    this.dispatchEvent(new CustomEvent('lesson-close', { bubbles: true, composed: true }));
  }

  /** Keeps the learner's blocks of the open lesson (the app calls it instead of its autosave). */
  keepWork(workspace: Record<string, unknown>): boolean {
    return this.lesson ? this.progress.keepWork(this.lesson.id, workspace) : false;
  }

  /** Checks the open lesson's goal on a finished run (the app calls it after every run). */
  checkRun(run: GoalRun): GoalResult | null {
    const lesson = this.lesson;
    if (!lesson) return null;
    if (this.simulator && this.simulator !== lesson.simulator) {
      this.outcome = { passed: false, messages: [t('lessons.otherSimulator', { simulator: lesson.simulator === 'norse' ? 'Norse' : 'NEST' })] };
      return this.outcome;
    }
    const outside = blocksFromOutside(run.workspace, blockTypesIn([lesson.toolboxDef, lesson.start, lesson.solution]));
    if (outside.length) {
      this.outcome = { passed: false, messages: [t('lessons.outsideBlocks', { blocks: outside.map((type) => `"${blockWords(type)}"`).join(', '), run: t('app.run') })] };
      document.body.dataset.lessonCheck = 'failed';
      return this.outcome;
    }
    let outcome: GoalResult;
    try {
      // the goal's words (labels, the lesson's advice) in the language the lesson is shown in
      outcome = checkGoal(this.shown(lesson).goal, run);
    } catch (e) {
      // a goal the checker cannot read is a mistake in the lesson file, not the learner's
      outcome = { passed: false, messages: [t('lessons.goalBroken', { error: (e as Error).message })] };
    }
    this.outcome = outcome;
    if (outcome.passed && !this.done.has(lesson.id)) {
      this.progress.markDone(lesson.id);
      this.done = this.progress.done();
    }
    document.body.dataset.lessonCheck = outcome.passed ? 'passed' : 'failed';
    return outcome;
  }

  /** A run that stopped with an error or was stopped: the goal is not checked, and an earlier
   * "goal reached" must not stay on screen as if it were this run's. */
  runFailed(stopped: boolean): void {
    if (!this.lesson) return;
    this.outcome = { passed: false, messages: [stopped ? t('lessons.runStopped', { run: t('app.run') }) : t('lessons.runError', { run: t('app.run') })] };
    document.body.dataset.lessonCheck = 'not-checked';
  }

  private setView(view: View): void {
    const wasOpen = this.view !== 'closed';
    this.view = view;
    this.toggleAttribute('open', view !== 'closed');
    if (wasOpen !== (view !== 'closed')) {
      this.dispatchEvent(new CustomEvent('lesson-panel-change', { detail: { open: view !== 'closed' }, bubbles: true, composed: true }));
    }
  }

  /** ?lesson=id in the address bar, so a reload or a shared link opens the same lesson. */
  private setAddress(id: string | null): void {
    try {
      const url = new URL(location.href);
      if (id) url.searchParams.set('lesson', id);
      else url.searchParams.delete('lesson');
      history.replaceState(history.state, '', url.href);
    } catch {
      // no usable page address (about:blank in a test)
    }
  }

  private restart(): void {
    const lesson = this.lesson;
    if (!lesson) return;
    this.beforeRestart = this.progress.work(lesson.id);
    this.progress.keepWork(lesson.id, lesson.start);
    this.reopenWith(lesson.start);
  }

  private undoRestart(): void {
    const blocks = this.beforeRestart;
    if (!this.lesson || !blocks) return;
    this.beforeRestart = null;
    this.progress.keepWork(this.lesson.id, blocks);
    this.reopenWith(blocks);
  }

  private reopenWith(workspace: Record<string, unknown>): void {
    const lesson = this.lesson!;
    this.outcome = null;
    const detail: LessonOpenDetail = { id: lesson.id, title: this.shown(lesson).title, simulator: lesson.simulator, toolbox: lesson.toolboxDef, workspace, start: lesson.start };
    this.dispatchEvent(new CustomEvent<LessonOpenDetail>('lesson-open', { detail, bubbles: true, composed: true }));
  }

  /** One more hint, scrolled into view (the text above it may be long). */
  private showHint(): void {
    this.hintsShown += 1;
    void this.updateComplete.then(() => {
      const all = this.renderRoot.querySelectorAll('.hint');
      all[all.length - 1]?.scrollIntoView({ block: 'nearest' });
    });
  }

  /** The lesson in the learner's language, else in its own (then the panel says so). */
  private shown(lesson: ReadyLesson): ShownLesson {
    return showLesson(lesson, language());
  }

  override render() {
    if (this.view === 'list') return this.renderList();
    if (this.view === 'lesson' && this.lesson) return this.renderLesson(this.lesson);
    return nothing;
  }

  private renderList() {
    const lessons = this.catalog.lessons;
    const doneCount = lessons.filter((l) => this.done.has(l.id)).length;
    return html`
      <div class="bar">
        <h2 id="list-title">${t('lessons.list.title')}</h2>
        <button id="close-list" @click=${() => this.setView(this.lesson ? 'lesson' : 'closed')} aria-label=${t('lessons.list.close')}>✕</button>
      </div>
      <div class="scroll">
      <p class="progress" id="progress">${t('lessons.list.progress', { done: doneCount, total: lessons.length })}</p>
      <ol class="lessons" aria-labelledby="list-title">
        ${lessons.map((l) => {
          const shown = this.shown(l);
          const done = this.done.has(l.id);
          return html`<li>
            <button class="lesson-item" data-id=${l.id} lang=${shown.language} @click=${() => this.open(l.id)}
              aria-label=${done ? t('lessons.list.itemDone', { title: shown.title }) : shown.title}>
              <span class="mark ${done ? 'done-mark' : ''}" aria-hidden="true">${done ? '✓' : '○'}</span>
              <span data-content>${shown.title}</span>
              ${shown.inWantedLanguage ? nothing : html`<span class="other-language">${t('lessons.list.inLanguage', { language: languageName(shown.language) })}</span>`}
            </button>
          </li>`;
        })}
      </ol>
      ${this.catalog.problems.length
        ? html`<div class="problems" role="note">${t('lessons.list.problems')}
            <ul data-content>${this.catalog.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
        : nothing}
      ${this.catalog.notes.length
        ? html`<div class="notes" role="note">${t('lessons.list.notes')}
            <ul data-content>${this.catalog.notes.map((p) => html`<li>${p}</li>`)}</ul></div>`
        : nothing}
      </div>
    `;
  }

  private renderLesson(lesson: ReadyLesson) {
    const lessons = this.catalog.lessons;
    const at = lessons.indexOf(lesson);
    const shown = this.shown(lesson);
    const picture = pictureUrl(shown.picture);
    const done = this.done.has(lesson.id);
    const outcome = this.outcome;
    const hints = shown.hints;
    return html`
      <div class="bar">
        <h2 id="lesson-title" lang=${shown.language} data-content>${shown.title}</h2>
        <button id="all-lessons" @click=${() => this.setView('list')} title=${t('lessons.allLessons')} aria-label=${t('lessons.allLessons')}>☰</button>
        <button id="close-lesson" @click=${() => this.close()} title=${t('lessons.leave')} aria-label=${t('lessons.leaveShort')}>✕</button>
      </div>
      <div class="scroll">
        ${shown.inWantedLanguage ? nothing : html`<p class="language-note" id="language-note" role="note">${t('lessons.onlyIn', { language: languageName(shown.language) })}</p>`}
        <div class="lesson-body" lang=${shown.language}>
          ${picture ? html`<img src=${picture} alt=${shown.pictureAlt} width="240" height="140" />` : nothing}
          <div class="text" data-content>${renderMarkdown(shown.text)}</div>
        </div>
        ${hints.slice(0, this.hintsShown).map(
          (h, i) => html`<p class="hint"><b>${t('lessons.hintLabel', { n: i + 1 })}</b> <span lang=${shown.language} data-content>${renderSpans(parseMarkdown(h).flatMap((b) => (b.kind === 'p' ? b.spans : b.items.flat())))}</span></p>`,
        )}
        <div class="nav">
          <button id="previous" ?disabled=${at <= 0} @click=${() => this.open(lessons[at - 1].id)}>${t('lessons.previous')}</button>
          <button id="next" ?disabled=${at >= lessons.length - 1} @click=${() => this.open(lessons[at + 1].id)}>${t('lessons.next')}</button>
          ${this.beforeRestart
            ? html`<button id="undo-restart" @click=${this.undoRestart}>${t('lessons.undoRestart')}</button>`
            : html`<button id="restart" @click=${this.restart} title=${t('lessons.restartTitle')}>${t('lessons.restart')}</button>`}
          <span class="progress">${done ? t('lessons.positionDone', { n: at + 1, total: lessons.length }) : t('lessons.position', { n: at + 1, total: lessons.length })}</span>
        </div>
      </div>
      <div class="foot">
        <section class="goal ${outcome ? (outcome.passed ? 'passed' : 'failed') : done ? 'passed' : ''}" aria-live="polite" id="goal">
          <b>${t('lessons.goal')}</b> <span lang=${shown.language} data-content>${shown.goalText}</span>
          ${outcome
            ? html`<div id="goal-status"><b>${outcome.passed ? t('lessons.reached') : t('lessons.notYet')}</b>
                <ul>${outcome.messages.map((m) => html`<li>${m}</li>`)}</ul></div>`
            : done
            ? html`<div id="goal-status"><b>${t('lessons.doneBefore')}</b></div>`
            : html`<div id="goal-status">${t('lessons.howToCheck', { run: t('app.run') })}</div>`}
        </section>
        <div class="nav">
          <button id="check" title=${t('lessons.checkTitle')} @click=${() => this.dispatchEvent(new CustomEvent('lesson-run', { bubbles: true, composed: true }))}>${t('lessons.check')}</button>
          <button id="hint" @click=${this.showHint} ?disabled=${this.hintsShown >= hints.length}>
            ${this.hintsShown === 0 ? t('lessons.hintFirst') : this.hintsShown < hints.length ? t('lessons.hintMore') : t('lessons.hintNone')}
          </button>
        </div>
      </div>
    `;
  }
}

/** A language's name in the learner's language ("Englisch" for "en" in German), else its code. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Lesson text as lit templates: every piece of text stays text (no HTML from the file). */
function renderMarkdown(source: string): TemplateResult[] {
  return parseMarkdown(source).map((b) =>
    b.kind === 'p' ? html`<p>${renderSpans(b.spans)}</p>` : html`<ul>${b.items.map((item) => html`<li>${renderSpans(item)}</li>`)}</ul>`,
  );
}

function renderSpans(spans: Span[]): TemplateResult[] {
  return spans.map((s) => (s.code ? html`<code>${s.text}</code>` : s.bold ? html`<b>${s.text}</b>` : s.italic ? html`<i>${s.text}</i>` : html`${s.text}`));
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-lesson': SbLesson;
  }
}
