/**
 * The app shell: blocks on the left, their Python and the run's plots on the right. It owns the
 * flow blocks → program → run → plots and the learner's project; each panel is its own component.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import * as Blockly from 'blockly';
import { SIMULATORS, SIMULATOR_IDS, simulator, type AnySimulatorPlugin } from '../registry';
import type { GeneratedProgram } from '../../generators/nest';
import type { NorseGeneratedProgram } from '../../generators/norse';
import type { PlottedRecorder } from '../plots/recorders';
import { isNorseResponse, norseToEvents } from '../plots/norse-recordings';
import { LocalEngine, StoppedByRestart } from '../engine/local-engine';
import type { RunResult } from '../../workers/api';
import { Autosave, browserStorage } from '../storage/autosave';
import { fileNameFor, makeProject, parseProject, type Project } from '../storage/project';
import { inferRecorders, recordersOfEditedCode } from './infer-recorders';
import { readSharedLink, sharedLinkOpenedText, shareProject } from '../share/share-project';
import { stripBidi } from '../plots/bidi';
import { importNestDesktopText } from '../import/nest-desktop';
import { blockForEditedLine } from './edited-lines';
import { ServerError, type Backend, type BackendKind, type BackendSettings } from '../remote/backend';
import { createBackend } from '../remote/index';
import { WorkerBackend } from '../remote/worker-backend';
import { modelsMissingOn } from '../remote/nest-server';
import { LOCAL, choice, loadBackendSettings, saveBackendSettings, sessionStore, settingsFromPageUrl, withSessionToken } from '../remote/settings';
import './sb-editor';
import './sb-code-panel';
import './sb-backend-settings';
import './sb-lesson';
import '../plots/sb-results';
import '../plots/sb-compare';
import { Kiosk } from '../kiosk/kiosk';
import { chooseLanguage, formatNumber, t } from '../i18n';
import './sb-language-menu';
import { GALLERY, galleryTitle } from '../gallery/catalog';
import '../theme/sb-contrast-toggle';
import { highContrast as contrastPreferred } from '../theme/contrast';
import type { SbEditor } from './sb-editor';
import type { SbCodePanel } from './sb-code-panel';
import type { SbBackendSettings } from './sb-backend-settings';
import type { LessonOpenDetail, SbLesson } from './sb-lesson';

type Notice = {
  kind: 'error' | 'info';
  text: string;
  detail?: string;
  undo?: () => void;
  /** one more thing the learner can do about it, e.g. "Run in this browser" */
  action?: { label: string; run: () => void };
  /** said about the server connection: cleared once the server answers */
  aboutServer?: boolean;
};

/** The same program's results from this browser and from the server, for the Compare view. */
interface ShownComparison {
  code: string;
  local: unknown;
  remote: unknown;
  recorders: PlottedRecorder[];
  simTime: number | null;
  runMs: [number, number];
}

interface ShownResult {
  /** the program text that produced it */
  code: string;
  response: unknown;
  recorders: PlottedRecorder[];
  simTime: number | null;
  runMs: number;
}

/** What any plugin's generator returns (NEST's and Norse's differ in their recorder infos). */
type AnyProgram = GeneratedProgram | NorseGeneratedProgram;

const EMPTY_PROGRAM: AnyProgram = { code: '', lineBlocks: [], recorders: [], simTime: null, problems: [] };

/** Live runs: a change to the blocks runs the program again by itself — but only while runs are
 * quick, so a big network does not keep the engine busy on every slider move. */
const LIVE_MAX_RUN_MS = 1000;
const LIVE_SETTING_KEY = 'spikeblocks.live';
/** How long the app waits for a server's answer: full-size runs are what servers are for (a
 * NEST Server gives up earlier by itself, at its worker timeout, and says so). */
const REMOTE_RUN_TIMEOUT_MS = 15 * 60_000;

@customElement('sb-app')
export class SbApp extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-rows: auto 1fr auto; height: 100vh; font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif; color: #1d2329; background: #f3f5f7; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 5px; padding: 6px 10px; background: #20334a; color: white; }
    header h1 { font-size: 1.1rem; margin: 0 8px 0 0; letter-spacing: 0.02em; }
    /* 8 px sides: room in one header row at 1280 px for German's longer labels (Speichern, Lektionen) */
    button, select { font: inherit; min-height: 34px; padding: 4px 8px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; color: #1d2329; cursor: pointer; }
    button:disabled { opacity: 0.55; cursor: default; }
    button:focus-visible, select:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
    #run { background: #1f7a3a; border-color: #1f7a3a; color: white; font-weight: 600; min-width: 84px; }
    #stop { background: #a4262c; border-color: #a4262c; color: white; }
    /* the status gives way (ellipsis, full text in its title) so the header stays one row */
    .engine { font-size: 0.85rem; opacity: 0.9; flex: 1 1 0; min-width: 6em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .live { display: inline-flex; align-items: center; gap: 4px; min-height: 34px; cursor: pointer; }
    .live input { width: 20px; height: 20px; margin: 0; cursor: pointer; }
    .paused { color: #ffd27a; }
    main { display: grid; grid-template-columns: minmax(360px, 1.25fr) minmax(340px, 1fr); gap: 8px; padding: 8px; min-height: 0; }
    /* a lesson open: its panel beside the workspace (src/app/sb-lesson.ts) */
    main.with-lesson { grid-template-columns: minmax(260px, 0.75fr) minmax(360px, 1.25fr) minmax(300px, 1fr); }
    sb-lesson:not([open]) { display: none; }
    sb-editor { min-width: 0; border: 1px solid #d7dbe0; border-radius: 6px; overflow: hidden; background: white; }
    .right { min-width: 0; display: grid; grid-template-rows: minmax(140px, 0.8fr) minmax(200px, 1.2fr); gap: 8px; min-height: 0; }
    sb-code-panel { min-width: 0; }
    .results { min-width: 0; overflow: auto; background: white; border: 1px solid #d7dbe0; border-radius: 6px; padding: 6px; min-height: 0; }
    .placeholder { color: #5b6670; padding: 16px; }
    .stale { margin: 0 0 6px; padding: 4px 8px; background: #fff4d6; border-left: 4px solid #b07d00; color: #4a3a00; }
    footer { min-height: 28px; padding: 4px 10px; background: white; border-top: 1px solid #d7dbe0; display: flex; gap: 10px; align-items: center; }
    .notice.error { color: #842029; font-weight: 600; }
    .notice pre { margin: 2px 0 0; font-size: 12px; white-space: pre-wrap; font-weight: 400; max-height: 6em; overflow: auto; }
    .notice button { min-height: 26px; padding: 1px 8px; margin-left: 8px; }
    input[type='file'] { display: none; }
    /* Narrow screens: one column that scrolls as a page; the message line stays in view. */
    @media (max-width: 820px) {
      :host { height: auto; min-height: 100vh; }
      main, main.with-lesson { grid-template-columns: 1fr; grid-template-rows: 62vh auto; }
      main.with-lesson { grid-template-rows: auto 62vh auto; }
      .right { grid-template-rows: 40vh auto; }
      .results { overflow: visible; min-height: 240px; }
      footer { position: sticky; bottom: 0; }
      footer.empty { display: none; }
      .engine { flex-basis: 100%; order: 10; }
    }
  `;

  /** The simulator whose blocks are on the workspace (the project's, else NEST). */
  @state() private plugin: AnySimulatorPlugin = SIMULATORS[0];
  /** Always started: it runs programs when "This browser" is chosen, and is the fallback and
   * the other side of Compare when a server is. */
  private readonly engine = new LocalEngine();
  /** Where programs run (remembered; the page URL may name a server). */
  @state() private backendSettings: BackendSettings = LOCAL;
  /** The server backend in use, or null for this browser. */
  private remote: Backend | null = null;
  /** What the server's health check said, for the status line. */
  @state() private remoteStatus = '';
  /** The backend the current run went to (Stop stops that one). */
  private runningOn: { stop(): Promise<void> }[] = [];
  @state() private comparison: ShownComparison | null = null;
  /** The server's models, when it lists them (NEST Server does): blocks using others are named. */
  @state() private remoteModels: string[] | null = null;
  private readonly autosave = new Autosave(browserStorage());
  /** Kiosk mode (?kiosk=1, remembered by the device), or null: see src/kiosk/. */
  private readonly kiosk = Kiosk.fromPage();
  private projectName = t('app.defaultProjectName');

  @state() private program: AnyProgram = EMPTY_PROGRAM;
  @state() private running = false;
  @state() private engineStatus = t('app.engineLoading');
  @state() private engineReady = false;
  @state() private result: ShownResult | null = null;
  @state() private notice: Notice | null = null;
  @state() private errorLine = 0;
  /** Python edited by hand in the code panel (saved with the project), or null. */
  @state() private editedCode: string | null = null;
  /** Said in the results area when there is no result to show. */
  @state() private resultNote = '';
  /** Re-run after every change to the blocks (after the learner's first Run). */
  @state() private live = readLiveSetting();
  /** Why live runs are paused (the last run was slow), or ''. */
  @state() private livePaused = '';
  /** The open lesson's restricted toolbox, or null (the plugin's own). */
  @state() private lessonToolbox: Blockly.utils.toolbox.ToolboxDefinition | null = null;
  @state() private lessonPanelOpen = false;
  /** High contrast (src/theme/): the header's switch, handed to the plots. */
  @state() private highContrast = contrastPreferred();
  /** The blocks changed while a run was going: run once more when it ends. */
  private liveQueued = false;
  /** performance.now() of the change a live run answers (for the latency figure). */
  private liveChangeAt = 0;
  /** The program text of the last finished run and how long it took. */
  private lastRunCode: string | null = null;
  private lastRunMs = 0;
  private lastRunStopped = false;

  @query('sb-editor') private editor!: SbEditor;
  @query('sb-code-panel') private codePanel!: SbCodePanel;
  @query('#open-file') private fileInput!: HTMLInputElement;
  @query('sb-backend-settings') private settingsPanel!: SbBackendSettings;
  @query('sb-lesson') private lessonPanel!: SbLesson;

  constructor() {
    super();
    for (const s of SIMULATORS) s.registerBlocks();
    this.chooseInitialBackend();
    this.engine.ready.then(
      ({ ms }) => {
        this.engineReady = true;
        this.engineStatus = t('app.engineReadyAfter', { seconds: formatNumber(ms / 1000, 1, 1) });
        document.body.dataset.engineReady = '1';
        document.body.dataset.engineLoadMs = ms.toFixed(0);
      },
      (e: Error) => {
        this.engineStatus = t('app.engineFailed');
        this.notice = { kind: 'error', text: t('app.engineFailedNotice'), detail: e.message };
      },
    );
  }

  override render() {
    return html`
      <header>
        <h1>Spikeblocks</h1>
        <button id="run" @click=${() => this.run()} ?disabled=${this.running}
          title=${this.remote ? t('app.runOnTitle', { server: this.remote.label }) : t('app.runTitle')}>${this.running ? t('app.running') : t('app.run')}</button>
        <button id="stop" @click=${this.stop} ?disabled=${!this.running} title=${t('app.stopTitle')}>${t('app.stop')}</button>
        ${this.remote
          ? html`<button id="compare" @click=${this.compare} ?disabled=${this.running}
              title=${t('app.compareTitle')}>${t('app.compare')}</button>`
          : html`<label class="live" title=${t('app.liveTitle')}>
              <input id="live" type="checkbox" .checked=${this.live} @change=${this.toggleLive} /> ${t('app.live')}
            </label>`}
        <button id="backend" class="backend" @click=${() => this.settingsPanel.open()}
          title=${t('app.backendTitle')}>⚙ ${choice(this.backendSettings.kind).label}</button>
        <span class="engine" role="status" title=${this.remote ? this.remoteStatus : this.engineStatus}>${this.remote ? this.remoteStatus : this.engineStatus}${this.renderMissingModels()}${this.livePaused ? html` · <span class="paused">${this.livePaused}</span>` : nothing}</span>
        <select id="simulator" aria-label=${t('app.simulator')} title=${t('app.simulatorTitle')} .value=${this.plugin.id} @change=${this.switchSimulator}>
          ${SIMULATORS.map((s) => html`<option value=${s.id} ?selected=${s.id === this.plugin.id}>${s.label}</option>`)}
        </select>
        <button id="gallery" @click=${this.openGallery} aria-haspopup="dialog" title=${t('gallery.openHint')}>▦ ${t('gallery.open')}</button>
        ${this.kiosk ? html`<button id="kiosk-reset" @click=${() => this.kiosk!.confirmReset()} title=${t('app.kioskResetTitle')}>${t('app.kioskReset')}</button>` : nothing}
        <button id="lessons" @click=${() => void this.lessonPanel.toggleList()} aria-expanded=${this.lessonPanelOpen ? 'true' : 'false'} title=${t('app.lessonsTitle')}>${t('app.lessons')}</button>
        <button id="open" @click=${() => this.fileInput.click()} title=${t('app.openTitle')}>${t('app.open')}</button>
        <button id="save" @click=${this.saveFile} title=${t('app.saveTitle')}>${t('app.save')}</button>
        <button id="share" @click=${this.share} title=${t('app.shareTitle')}>${t('app.share')}</button>
        <sb-language-menu ?large=${!!this.kiosk} .choose=${this.kiosk?.chooseLanguage ?? chooseLanguage}></sb-language-menu>
        <sb-contrast-toggle @contrast-change=${(e: CustomEvent<{ on: boolean }>) => (this.highContrast = e.detail.on)}></sb-contrast-toggle>
        <input id="open-file" type="file" accept=".json,application/json" @change=${this.openFile} />
      </header>
      <main @keydown=${this.onKey} class=${this.lessonPanelOpen ? 'with-lesson' : ''}>
        <sb-lesson .simulator=${this.plugin.id} @lesson-open=${this.onLessonOpen} @lesson-close=${this.onLessonClose}
          @lesson-run=${() => void this.run()} @notice=${(e: CustomEvent<{ text: string }>) => (this.notice = { kind: 'info', text: e.detail.text })}
          @lesson-panel-change=${(e: CustomEvent<{ open: boolean }>) => (this.lessonPanelOpen = e.detail.open)}></sb-lesson>
        <sb-editor .toolbox=${this.lessonToolbox ?? (this.plugin.toolbox as Blockly.utils.toolbox.ToolboxDefinition)} .injectOptions=${this.kiosk?.blocklyOptions ?? null} @workspace-change=${this.onWorkspaceChange}></sb-editor>
        <div class="right">
          <sb-code-panel .code=${this.program.code} .edited=${this.editedCode} .errorLine=${this.errorLine} .projectName=${this.projectName} .language=${this.plugin.id === 'norse' ? 'Norse' : 'PyNEST'} .nir=${this.plugin.id === 'norse'}
            @export-nir=${this.exportNir}
            @edit-change=${this.onEditChange}
            @notice=${(e: CustomEvent<{ text: string }>) => (this.notice = { kind: 'info', text: e.detail.text })}></sb-code-panel>
          <section class="results" aria-label=${t('app.results')}>
            ${(this.comparison ?? this.result) && !this.running && (this.comparison ?? this.result)!.code !== (this.editedCode ?? this.program.code)
              ? html`<p class="stale" role="status">${withBoldRun('app.stale')}</p>`
              : nothing}
            ${this.comparison && !this.running
              ? html`<sb-compare .local=${this.comparison.local} .remote=${this.comparison.remote} .recorders=${this.comparison.recorders}
                  .labels=${[t('app.thisBrowser'), choice(this.backendSettings.kind).label]} .runMs=${this.comparison.runMs} .simTime=${this.comparison.simTime}
                  .random=${usesRandomness(this.comparison.code)}
                  @record-select=${(e: CustomEvent<{ blockId: string }>) => this.editor.highlight(e.detail.blockId)}></sb-compare>`
              : this.result
              ? html`<sb-results .response=${this.result.response} .recorders=${this.result.recorders}
                  .simTime=${this.result.simTime} .runMs=${this.result.runMs} .highContrast=${this.highContrast} .projectName=${this.projectName}
                  @record-select=${(e: CustomEvent<{ blockId: string }>) => this.editor.highlight(e.detail.blockId)}></sb-results>`
              : html`<p class="placeholder">${this.resultNote ||
                  withBoldRun('app.placeholder')}</p>`}
          </section>
        </div>
      </main>
      <footer aria-live="polite" class=${this.notice ? '' : 'empty'}>
        ${this.notice
          ? html`<div class="notice ${this.notice.kind}">
              ${this.notice.text}
              ${this.notice.undo ? html`<button @click=${this.undo}>${t('app.undo')}</button>` : nothing}
              ${this.notice.action ? html`<button id="notice-action" @click=${this.notice.action.run}>${this.notice.action.label}</button>` : nothing}
              ${this.notice.detail ? html`<pre>${this.notice.detail}</pre>` : nothing}
            </div>`
          : nothing}
      </footer>
      <sb-backend-settings .settings=${this.backendSettings} .check=${(s: BackendSettings) => this.checkBackend(s)}
        @backend-change=${(e: CustomEvent<{ settings: BackendSettings }>) => this.useBackend(e.detail.settings, true)}></sb-backend-settings>
    `;
  }

  /** Models the program creates that the server does not have (it would fail there). */
  private renderMissingModels() {
    if (!this.remote || !this.remoteModels) return nothing;
    const missing = modelsMissingOn(this.editedCode ?? this.program.code, this.remoteModels);
    return missing.length ? html` · <span class="paused">${t('app.notOnServer', { models: missing.join(', ') })}</span>` : nothing;
  }

  override async firstUpdated(): Promise<void> {
    window.addEventListener('keydown', this.onKey);
    // a Jupyter kernel is shut down when the learner leaves (servers would keep it otherwise)
    window.addEventListener('pagehide', this.onLeave);
    // The editor injects Blockly in its own first update, which runs after ours.
    await this.editor.updateComplete;
    const workspace = this.editor.workspace;
    workspace.addChangeListener((e) => this.plugin.onWorkspaceEvent?.(workspace, e));
    this.restore();
    void this.lessonPanel.openFromAddress();
    // a shared link (#p=…) opens over the restored work, undoably
    window.addEventListener('hashchange', this.openSharedLink);
    await this.openSharedLink();
    this.kiosk?.start({ reset: () => this.kioskReset(), workspace: () => this.editor.workspace });
    document.body.dataset.editorReady = '1';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('pagehide', this.onLeave);
    window.removeEventListener('hashchange', this.openSharedLink);
    this.engine.dispose();
    void this.remote?.dispose();
  }

  private onLeave = (): void => {
    void this.remote?.dispose();
  };

  /** The page URL's server (NEST Desktop links: ?nest_server_url=…&nest_server_access_token=…), else the remembered choice. */
  private chooseInitialBackend(): void {
    let fromUrl: ReturnType<typeof settingsFromPageUrl> = { settings: null, cleanedHref: null, problem: null };
    try {
      fromUrl = settingsFromPageUrl(location.href);
      // the token must not stay in the address bar, the history or a screenshot
      if (fromUrl.cleanedHref) history.replaceState(history.state, '', fromUrl.cleanedHref);
    } catch {
      // no usable page address (e.g. about:blank in a test): nothing to read
    }
    if (fromUrl.problem) this.notice = { kind: 'error', text: fromUrl.problem };
    if (this.kiosk) return this.useBackend(LOCAL, false); // a kiosk runs here, whatever a link or a visitor chose
    // a class link reloaded no longer has its token (it was taken out of the address): keep this tab's
    const linked = fromUrl.settings && withSessionToken(fromUrl.settings, browserStorage(), sessionStore());
    this.useBackend(linked ?? loadBackendSettings(browserStorage(), sessionStore()), linked !== null);
  }

  /** Switches where programs run; `remember` keeps the choice for the next visit. */
  private useBackend(settings: BackendSettings, remember: boolean): void {
    void this.remote?.dispose();
    this.backendSettings = settings;
    this.comparison = null;
    this.remote = settings.kind === 'local' ? null : serverBackend(settings);
    document.body.dataset.backend = settings.kind;
    if (remember && !saveBackendSettings(settings, browserStorage(), sessionStore())) {
      this.notice = { kind: 'info', text: t('app.settingNotKept') };
    }
    if (this.remote) void this.refreshRemoteStatus(this.remote);
  }

  private async refreshRemoteStatus(backend: Backend): Promise<void> {
    this.remoteStatus = t('app.connecting', { address: shortAddress(this.backendSettings.url) });
    try {
      const info = await backend.health();
      if (backend !== this.remote) return;
      this.remoteModels = info.models ?? null;
      // (the header button already names the kind of backend)
      this.remoteStatus = shortAddress(info.summary);
      document.body.dataset.remoteReady = '1';
      if (this.notice?.aboutServer) this.notice = null;
    } catch (e) {
      if (backend !== this.remote) return;
      this.remoteModels = null;
      this.remoteStatus = t('app.notConnected', { address: shortAddress(this.backendSettings.url) });
      this.notice = { kind: 'error', text: (e as Error).message, aboutServer: true, action: { label: t('app.useHere'), run: () => this.useBackend(LOCAL, true) } };
    }
  }

  /** The settings panel's "Check connection". */
  private async checkBackend(settings: BackendSettings): Promise<import('../remote/backend').BackendInfo> {
    const backend = createBackend(settings, { timeoutMs: 10_000 });
    try {
      return await backend.health();
    } finally {
      void backend.dispose();
    }
  }

  /** The last autosaved project, else the first example. An unreadable save is kept aside. */
  private restore(): void {
    const text = this.autosave.loadText();
    if (text !== null) {
      const parsed = parseProject(text, SIMULATOR_IDS);
      if (parsed.ok && this.loadProject(parsed.project, false)) return;
      const key = this.autosave.rescue(text);
      this.notice = {
        kind: 'error',
        text: t('app.restoreFailed', { key }),
        detail: parsed.ok ? undefined : parsed.message,
      };
    }
    const first = this.plugin.examples[0];
    this.editor.load(first.workspace);
  }

  /** Loads only after the blocks have loaded cleanly on a scratch workspace, so a bad file
   * replaces nothing. Returns false (with a message) when they don't. */
  private loadProject(project: Project, offerUndo: boolean): boolean {
    const problem = tryLoadBlocks(project.workspace, project.simulator);
    if (problem) {
      this.notice = { kind: 'error', text: t('app.projectNotOpened'), detail: problem };
      return false;
    }
    // a project the learner opens (example, file, link) leaves the lesson first: Undo then goes back to their own blocks
    if (offerUndo) this.lessonPanel?.close();
    if (offerUndo) this.keepAside(this.currentProject());
    this.usePlugin(project.simulator);
    // a name from a file or link may carry bidirectional controls that disguise it (abc\u202Eyp.exe)
    this.projectName = stripBidi(project.name);
    this.editedCode = project.editedCode ?? null;
    this.editor.load(project.workspace);
    if (offerUndo) this.notice = { kind: 'info', text: t('app.opened', { name: this.projectName }), undo: this.undoReplace };
    return true;
  }

  /** The blocks on screen as a project (what Save would write). */
  private currentProject(): Project {
    return makeProject(this.plugin.id, this.projectName, this.editor.save(), this.editedCode);
  }

  /**
   * The learner's blocks each time an example, a file, a link or the other simulator replaced them,
   * newest last: Undo steps back through all of them, so no chain of menu choices (arrow keys on a
   * closed menu choose at every press) loses work. Each simulator also remembers its last blocks.
   */
  private readonly replaced: Project[] = [];
  private readonly lastWorkOf = new Map<string, Project>();
  private static readonly KEEP_REPLACED = 30;

  private keepAside(project: Project): void {
    this.replaced.push(project);
    if (this.replaced.length > SbApp.KEEP_REPLACED) this.replaced.shift();
    this.lastWorkOf.set(project.simulator, project);
  }

  private undoReplace = (): void => {
    const previous = this.replaced.pop();
    if (!previous) return;
    this.lastWorkOf.set(this.plugin.id, this.currentProject());
    this.restoreProject(previous, t(this.replaced.length ? 'app.backToFurther' : 'app.backTo', { name: previous.name }));
    if (this.replaced.length && this.notice) this.notice = { ...this.notice, undo: this.undoReplace };
  };

  /** Kiosk reset (its button or the idle timeout): the start screen, as a new visitor finds it. */
  private kioskReset(): void {
    void this.stop();
    this.lessonPanel.close(); // its blocks and toolbox go too
    this.lessonPanel.forgetProgress(); // the kiosk cleared it from storage: the next visitor starts fresh
    this.replaced.length = 0; // nor can Undo bring back the last visitor's blocks
    this.lastWorkOf.clear();
    // before the blocks change: live runs wait for the next visitor's first Run
    this.lastRunCode = null;
    this.liveQueued = false;
    this.live = readLiveSetting();
    const start = SIMULATORS[0];
    this.restoreProject(makeProject(start.id, exampleTitle(start.examples[0]), start.examples[0].workspace), '');
    this.result = null;
    this.comparison = null;
    this.resultNote = '';
    this.notice = null;
  }

  /** A lesson opens: its simulator, its toolbox, and the learner's blocks in it (else its start). */
  private onLessonOpen = (e: CustomEvent<LessonOpenDetail>): void => {
    const { simulator: id, title, toolbox, workspace, start } = e.detail;
    const opened = this.loadProject(makeProject(id, title, workspace), false) || this.loadProject(makeProject(id, title, start), false);
    if (opened) this.lessonToolbox = toolbox as Blockly.utils.toolbox.ToolboxDefinition;
  };

  /** Leaving the lessons: the learner's own project (autosaved before) and the full toolbox. */
  private onLessonClose = (): void => {
    this.lessonToolbox = null;
    this.restore();
  };

  private restoreProject(project: Project, text: string): void {
    this.usePlugin(project.simulator);
    // a name from a file or link may carry bidirectional controls that disguise it (abc\u202Eyp.exe)
    this.projectName = stripBidi(project.name);
    this.editedCode = project.editedCode ?? null;
    this.editor.load(project.workspace);
    this.notice = { kind: 'info', text };
  }

  /** The plugin of a project's simulator: its blocks, toolbox, generator and examples. */
  private usePlugin(id: string): void {
    if (id === this.plugin.id) return;
    this.plugin = simulator(id);
    this.result = null;
    this.comparison = null;
    this.lastRunCode = null; // live runs start again after a first Run
    this.resultNote = '';
    // the editor must have the new toolbox before the blocks arrive
    this.editor.toolbox = this.plugin.toolbox as Blockly.utils.toolbox.ToolboxDefinition;
  }

  /** The header's simulator choice: that simulator's first example (undoable, as opening one). */
  private switchSimulator(e: Event): void {
    const select = e.target as HTMLSelectElement;
    const next = simulator(select.value);
    if (next.id === this.plugin.id) return;
    // back to that simulator's own blocks when the learner had some, else its first example
    const first = next.examples[0];
    const own = this.lastWorkOf.get(next.id);
    if (!this.loadProject(own ?? makeProject(next.id, exampleTitle(first), first.workspace), true)) select.value = this.plugin.id;
  }

  private onWorkspaceChange = (e: CustomEvent<{ intermediate: boolean }>): void => {
    this.program = this.plugin.generate(this.editor.workspace);
    this.editor.showProblems(this.program.problems);
    this.errorLine = 0;
    if (!e.detail.intermediate) this.save();
    this.runLive();
  };

  /** A live run for the program the blocks show now, if live runs are on and may run. */
  private runLive(changeAt = performance.now()): void {
    // Only after a first Run (a learner presses Run once to start), for the blocks' own program
    // (not hand-edited code), without problems flagged on the blocks, and while runs are quick.
    // (Live runs are for this browser's engine: a server is shared by a whole class.)
    if (this.remote || !this.live || !this.engineReady || this.lastRunCode === null || this.editedCode !== null) return;
    if (this.program.problems.some((p) => !p.warning) || this.program.code === this.lastRunCode) return;
    if (this.lastRunStopped) {
      this.pauseLive(t('app.livePausedStopped'), t('app.livePausedStoppedFull'));
      return;
    }
    if (this.lastRunMs > LIVE_MAX_RUN_MS) {
      const seconds = formatNumber(this.lastRunMs / 1000, 1, 1);
      this.pauseLive(t('app.livePausedSlow', { seconds }), t('app.livePausedSlowFull', { seconds }));
      return;
    }
    // A change during a run keeps the time of the first change the next run answers.
    if (!(this.running && this.liveQueued)) this.liveChangeAt = changeAt;
    if (this.running) {
      this.liveQueued = true; // the latest blocks run when this run ends
      return;
    }
    void this.run();
  }

  /** The header shows the reason in short; the first time, the footer says it in full (the header
   * may cut it off on a narrow screen), unless it holds an error the learner must read. */
  private pauseLive(reason: string, inFull: string): void {
    if (!this.livePaused && this.notice?.kind !== 'error') {
      this.notice = { kind: 'info', text: inFull };
    }
    this.livePaused = reason;
  }

  private toggleLive(e: Event): void {
    this.live = (e.target as HTMLInputElement).checked;
    this.livePaused = '';
    try {
      localStorage.setItem(LIVE_SETTING_KEY, this.live ? '1' : '0');
    } catch {
      // storage refused: the setting lasts for this page only
    }
    if (this.live) this.runLive();
  }

  private save(): void {
    // in a lesson the blocks are the lesson's: kept per lesson, the learner's own project stays as it was
    if (this.lessonPanel?.active) {
      if (!this.lessonPanel.keepWork(this.editor.save())) this.notice = { kind: 'error', text: t('app.notStored') };
      return;
    }
    const saved = this.autosave.save(makeProject(this.plugin.id, this.projectName, this.editor.save(), this.editedCode));
    if (!saved) this.notice = { kind: 'error', text: t('app.notStored') };
  }

  /** Hand edits are work too: saved as they are typed; dropping them can be undone. */
  private onEditChange = (e: CustomEvent<{ edited: string | null }>): void => {
    const dropped = this.editedCode;
    this.editedCode = e.detail.edited;
    this.errorLine = 0;
    this.save();
    // back to the blocks: errors of the hand-edited code no longer apply to them
    if (e.detail.edited === null) this.editor.showProblems(this.program.problems);
    if (e.detail.edited === null && dropped !== null && dropped !== this.program.code) {
      this.notice = {
        kind: 'info',
        text: t('app.editsPutAside'),
        undo: () => {
          this.editedCode = dropped;
          this.save();
          this.notice = { kind: 'info', text: t('app.editsBack') };
        },
      };
    }
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.run();
    } else if (e.key === 'Escape' && this.running) {
      void this.stop();
    }
  };

  /** Runs the program where the settings say, or in this browser (`here`, e.g. after a server failed). */
  private async run(options: { here?: boolean } = {}): Promise<void> {
    if (this.running) return;
    const backend = options.here ? null : this.remote;
    if (backend && !runsOn(this.plugin.id, backend.kind)) {
      this.notice = {
        kind: 'error',
        text: t(this.plugin.id === 'norse' ? 'app.wrongServerNorse' : 'app.wrongServerNest', { server: backend.label, simulator: this.plugin.label }),
        action: { label: t('app.runHere'), run: () => void this.run({ here: true }) },
      };
      return;
    }
    // A Run pressed while the engine still loads waits for it instead of being ignored.
    const waiting: Notice | null =
      backend || this.engineReady ? null : { kind: 'info', text: t('app.waitingRun') };
    const started = performance.now();
    const changeAt = this.liveChangeAt;
    this.liveChangeAt = 0;
    this.liveQueued = false;
    this.livePaused = '';
    const edited = this.codePanel.isEdited;
    // The blocks' program as generated now (the code panel may not have re-rendered it yet when a
    // live run follows a change at once); hand-edited code as the panel holds it.
    const code = edited ? this.codePanel.programText : this.program.code;
    const program = this.program;
    const blocking = edited || !this.plugin.problemsStopRun ? undefined : program.problems.find((p) => !p.warning);
    if (blocking) {
      // it would run, and compute nonsense: say what to fix, on its block
      this.editor.showProblems(program.problems);
      this.editor.highlight(blocking.blockId);
      this.notice = { kind: 'error', text: t(program.problems.filter((p) => !p.warning).length > 1 ? 'app.notRunMore' : 'app.notRun', { problem: blocking.message }) };
      this.noteRunEnd(code, started, false);
      return;
    }
    this.running = true;
    this.comparison = null;
    this.errorLine = 0;
    // an "Opened …" notice keeps its Undo through the Run: trying an example should not cost the way back
    this.notice = waiting ?? (this.notice?.undo ? this.notice : null);
    this.editor.showProblems(program.problems);
    this.runningOn = [backend ?? this.engine];
    let result: RunResult;
    try {
      result = backend ? await backend.run(code) : await this.engine.run(code);
    } catch (e) {
      this.noteRunEnd(code, started, e instanceof StoppedByRestart);
      this.running = false;
      this.runningOn = [];
      this.result = null;
      if (e instanceof ServerError) {
        // the server could not run it: the blocks stay as they are, and this browser can
        this.resultNote = t('app.serverCouldNotRun');
        this.notice = { kind: 'error', text: e.message, aboutServer: true, action: { label: t('app.runHere'), run: () => void this.run({ here: true }) } };
        document.body.dataset.serverProblem = e.problem;
        if (e.problem === 'unreachable' && backend && backend === this.remote) this.remoteStatus = t('app.notConnected', { address: shortAddress(this.backendSettings.url) });
      } else if (e instanceof StoppedByRestart) {
        // Stop had to replace the Python engine (the program did not answer): that is a stop, not a failure.
        this.resultNote = t('app.runStopped');
        this.notice = { kind: 'info', text: t('app.stoppedRestart') };
        this.engineReady = false;
        this.engineStatus = t('app.engineRestarting');
        void this.engine.ready.then(() => {
          this.engineReady = true;
          this.engineStatus = t('app.engineReady');
        });
      } else {
        this.resultNote = t('app.runNotFinished');
        this.notice = { kind: 'error', text: t('app.runFailed'), detail: (e as Error).message };
      }
      return;
    }
    this.running = false;
    this.runningOn = [];
    this.noteRunEnd(code, started, !result.ok && result.error.type === 'KeyboardInterrupt', result.timings?.totalMs);
    if (this.notice === waiting) this.notice = null;
    if (!result.ok) {
      this.runQueuedLive();
      // Plots of an earlier run next to this run's error would look like its result.
      this.result = null;
      this.resultNote = result.error.type === 'KeyboardInterrupt' ? t('app.runStopped') : t('app.runError');
      this.lessonPanel?.runFailed(result.error.type === 'KeyboardInterrupt');
      this.showRunError(result, code, edited ? null : program);
      // NEST Server has no call to cancel a program: its worker goes on with the given-up one
      if (backend && (backend.kind === 'nest-server' || backend.kind === 'norse-server') && result.error.type === 'KeyboardInterrupt') {
        this.notice = { kind: 'info', text: t('app.stoppedOnServer', { server: backend.label }) };
      }
      return;
    }
    const shown = plotted(result.response, program, edited ? code : null);
    this.result = { code, ...shown, runMs: result.timings.totalMs };
    this.lessonPanel?.checkRun({ response: result.response, recorders: shown.recorders, workspace: this.editor.save() });
    if (result.stdout.trim()) this.notice = { kind: 'info', text: t('app.printed'), detail: result.stdout };
    // The run counts as done when the plots are on screen.
    await this.updateComplete;
    await this.renderRoot.querySelector('sb-results')?.updateComplete;
    await new Promise(requestAnimationFrame);
    const drawn = performance.now();
    document.body.dataset.lastRunMs = (drawn - started).toFixed(1);
    // From the change to the blocks (e.g. a slider) to the redrawn plots, for live runs.
    document.body.dataset.lastChangeToPlotMs = changeAt > 0 ? (drawn - changeAt).toFixed(1) : '';
    document.body.dataset.runCount = String(Number(document.body.dataset.runCount ?? 0) + 1);
    this.runQueuedLive();
  }

  /** The blocks changed during the run that just ended: run their latest program. */
  private runQueuedLive(): void {
    if (!this.liveQueued) return;
    this.liveQueued = false;
    this.runLive(this.liveChangeAt || performance.now());
  }

  /** What decides the next live run: the program just run, its wall time, whether it was stopped. */
  private noteRunEnd(code: string, started: number, stopped: boolean, engineMs?: number): void {
    this.lastRunCode = code;
    // The engine's own time when it reports one: a first Run that waited for the engine to load
    // was not slow itself.
    this.lastRunMs = engineMs ?? performance.now() - started;
    this.lastRunStopped = stopped;
  }

  private showRunError(result: Extract<RunResult, { ok: false }>, code: string, program: LineMapped | null): void {
    const { error } = result;
    const text = error.type === 'KeyboardInterrupt' ? t('app.stopped') : error.line ? t('app.pythonErrorAtLine', { type: error.type, line: error.line, message: error.message }) : `${error.type}: ${error.message}`;
    this.notice = { kind: error.type === 'KeyboardInterrupt' ? 'info' : 'error', text, detail: error.type === 'KeyboardInterrupt' ? undefined : error.traceback };
    if (!error.line) return;
    this.errorLine = error.line;
    const blockId = blockForLine(error.line, code, program ?? this.program, program !== null);
    if (blockId) this.editor.markError(blockId, text);
  }

  private async stop(): Promise<void> {
    await Promise.all(this.runningOn.map((b) => b.stop()));
  }

  /** Runs the program in this browser and on the server at once and shows both results. */
  private async compare(): Promise<void> {
    const remote = this.remote;
    if (this.running || !remote) return;
    const edited = this.codePanel.isEdited;
    const code = edited ? this.codePanel.programText : this.program.code;
    const program = this.program;
    this.running = true;
    this.errorLine = 0;
    this.notice = this.engineReady ? null : { kind: 'info', text: t('app.waitingCompare') };
    this.runningOn = [this.engine, remote];
    const timed = async (run: Promise<RunResult>): Promise<RunResult & { ms: number }> => {
      const t0 = performance.now();
      const r = await run;
      return { ...r, ms: performance.now() - t0 };
    };
    const [here, there] = await Promise.allSettled([timed(this.engine.run(code)), timed(remote.run(code))]);
    this.running = false;
    this.runningOn = [];
    this.result = null;
    this.comparison = null;
    const failed = (side: PromiseSettledResult<RunResult & { ms: number }>, where: string): boolean => {
      if (side.status === 'rejected') {
        const e = side.reason as Error;
        this.resultNote = t('app.compareNotFinished');
        if (e instanceof StoppedByRestart) this.notice = { kind: 'info', text: t('app.stopped') };
        else if (e instanceof ServerError) this.notice = { kind: 'error', text: e.message, aboutServer: true, action: { label: t('app.runHere'), run: () => void this.run({ here: true }) } };
        else this.notice = { kind: 'error', text: `${where}: ${e.message}` };
        return true;
      }
      if (!side.value.ok) {
        this.resultNote = side.value.error.type === 'KeyboardInterrupt' ? t('app.compareStopped') : t(side === here ? 'app.compareFailedHere' : 'app.compareFailedThere');
        this.showRunError(side.value, code, edited ? null : program);
        return true;
      }
      return false;
    };
    if (failed(here, t('app.thisBrowser')) || failed(there, remote.label)) return;
    const [l, r] = [(here as PromiseFulfilledResult<RunResult & { ms: number }>).value, (there as PromiseFulfilledResult<RunResult & { ms: number }>).value];
    if (!l.ok || !r.ok) return;
    const mine = plotted(l.response, program, edited ? code : null);
    this.comparison = { code, local: mine.response, remote: plotted(r.response, program, edited ? code : null).response, recorders: mine.recorders, simTime: mine.simTime, runMs: [l.ms, r.ms] };
    await this.updateComplete;
    document.body.dataset.compareCount = String(Number(document.body.dataset.compareCount ?? 0) + 1);
  }

  /** The example gallery (src/gallery/, its own chunk, loaded on first use): opens as the menu does, undoably. */
  private async openGallery(): Promise<void> {
    try {
      const { showGallery } = await import('../gallery/sb-gallery');
      await showGallery(this.plugin.id, (chosen) => {
        const example = simulator(chosen.simulator).examples.find((ex) => ex.id === chosen.id);
        if (example) this.loadProject(makeProject(chosen.simulator, chosen.title, example.workspace), true);
      });
    } catch (e) {
      this.notice = { kind: 'error', text: t('gallery.loadFailed'), detail: (e as Error).message };
    }
  }

  private async openFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    const text = await file.text();
    // a NEST Desktop project is converted to blocks (src/import/nest-desktop.ts), or refused saying why
    const converted = importNestDesktopText(text);
    if (converted) {
      if (!converted.ok) this.notice = { kind: 'error', text: t('app.nestDesktopRefused', { file: file.name }), detail: converted.message };
      else if (this.loadProject(converted.project, true) && this.notice) {
        this.notice = { ...this.notice, text: t('app.nestDesktopOpened', { name: converted.project.name }), detail: converted.notes.join('\n') || undefined };
      }
      return;
    }
    const parsed = parseProject(text, SIMULATOR_IDS);
    if (!parsed.ok) {
      this.notice = { kind: 'error', text: t('app.fileNotOpened', { file: file.name }), detail: parsed.message };
      return;
    }
    this.loadProject(parsed.project, true);
  }

  /** Share: the project (as Save writes it) as a link, copied to the clipboard. */
  private async share(): Promise<void> {
    const shared = await shareProject(makeProject(this.plugin.id, this.projectName, this.editor.save(), this.editedCode), location.href);
    this.notice = { kind: shared.kind, text: shared.text, detail: shared.detail };
    document.body.dataset.shareLinkLength = String(shared.link.length);
  }

  /** The project of a shared link in the address, through the same checks as a file. */
  private openSharedLink = async (): Promise<void> => {
    const parsed = await readSharedLink(location.hash, SIMULATOR_IDS);
    if (!parsed) return;
    if (!parsed.ok) {
      this.notice = { kind: 'error', text: t('app.linkNotOpened'), detail: parsed.message };
      return;
    }
    // loaded once: a reload then shows the learner's (autosaved) work, not the link again
    if (this.loadProject(parsed.project, true)) {
      history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
      // says whether the link carries hand-edited code, which Run then runs instead of the blocks
      if (this.notice) this.notice = { ...this.notice, text: sharedLinkOpenedText(parsed.project) };
    }
  };

  private saveFile(): void {
    // hand-edited code is part of the learner's work: the file keeps it, as autosave does
    const project = makeProject(this.plugin.id, this.projectName, this.editor.save(), this.editedCode);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(project, null, 1)], { type: 'application/json' }));
    a.download = fileNameFor(this.projectName, 'json');
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    this.notice = { kind: 'info', text: t(this.editedCode !== null ? 'app.savedWithEdits' : 'app.saved', { file: a.download }) };
  }

  /** The Norse network as a NIR file; its writer (HDF5 in WebAssembly, ~1 MB) loads only now. */
  private async exportNir(): Promise<void> {
    const { downloadNir } = await import('../export/nir-file');
    let exported: Awaited<ReturnType<typeof downloadNir>>;
    try {
      exported = await downloadNir(this.editor.workspace, this.projectName);
    } catch (e) {
      this.notice = { kind: 'error', text: t('app.nirNotWritten'), detail: (e as Error).message };
      return;
    }
    if (!exported.ok) {
      this.editor.showProblems([...this.program.problems, ...exported.problems]);
      const [first] = exported.problems;
      this.editor.highlight(first.blockId);
      this.notice = { kind: 'error', text: t(exported.problems.length > 1 ? 'app.nirRefusedMore' : 'app.nirRefused', { problem: exported.reasons[0] }) };
      return;
    }
    const saved = { file: exported.fileName, kB: (exported.bytes / 1000).toFixed(0) };
    this.notice = { kind: 'info', text: exported.leftOut.length ? t('app.nirSavedLeftOut', { ...saved, leftOut: exported.leftOut.map((p) => p.message).join(' ') }) : t('app.nirSaved', saved) };
  }

  private undo(): void {
    this.notice?.undo?.();
  }
}

/** Whether a program draws random numbers (NEST and this browser draw different ones, so such
 * runs agree in their statistics, not spike by spike). */
function usesRandomness(code: string): boolean {
  return /torch\.rand|PoissonEncoder|LIFRecurrent\(|poisson_generator|noise_generator|gamma_sup_generator|mip_generator|ppd_sup_generator|sinusoidal_poisson|nest\.random\.|"rule":\s*"(fixed_indegree|fixed_outdegree|fixed_total_number|pairwise_bernoulli|symmetric_pairwise_bernoulli)"/.test(code);
}

/** The backend for a server: NEST and Norse Server replies are read in a worker (a full-size
 * run's spikes are megabytes of JSON); Jupyter's client needs the page's own globals. */
function serverBackend(settings: BackendSettings): Backend {
  const extras = { timeoutMs: REMOTE_RUN_TIMEOUT_MS };
  return settings.kind === 'jupyter' ? createBackend(settings, extras) : new WorkerBackend(settings, extras);
}

function readLiveSetting(): boolean {
  try {
    return localStorage.getItem(LIVE_SETTING_KEY) !== '0';
  } catch {
    return true;
  }
}

/** An address as the status line shows it: without http(s)://. */
function shortAddress(text: string): string {
  return text.replace(/https?:\/\//, '');
}

/** Which backends run which simulator's programs (Jupyter runs whatever its Python has). */
function runsOn(simulatorId: string, kind: BackendKind): boolean {
  if (kind === 'jupyter' || kind === 'local') return true;
  return simulatorId === 'norse' ? kind === 'norse-server' : kind === 'nest-server';
}

/** The lines of a program and the block behind each. */
type LineMapped = Pick<AnyProgram, 'code' | 'lineBlocks'>;

/**
 * A run's response as the plots draw it, with its recorders and simulated time. Norse responses
 * (whole tensors per record block) become recorder events; hand-edited programs (program null)
 * are read from the response alone.
 */
/** The response as the plots take it, with its recorders: the blocks' program names them; for
 * hand-edited code (`editedCode`) they come from the events and the code's own names. */
function plotted(response: unknown, program: AnyProgram | null, editedCode: string | null): { response: unknown; recorders: PlottedRecorder[]; simTime: number | null } {
  if (isNorseResponse(response)) {
    const known = !editedCode && program && program.recorders.every((r) => 'keys' in r) ? (program as NorseGeneratedProgram).recorders : [];
    const converted = norseToEvents(response, known);
    return { response: converted.response, recorders: converted.recorders, simTime: converted.response.biological_time };
  }
  const nest = program && program.recorders.every((r) => 'model' in r) ? (program as GeneratedProgram) : null;
  const recorders = editedCode !== null ? recordersOfEditedCode(response, editedCode, nest?.recorders ?? []) : nest ? nest.recorders : inferRecorders(response);
  return {
    response,
    recorders,
    simTime: simulatedTime(response) ?? (editedCode === null ? nest?.simTime : null) ?? null,
  };
}

/** How long the program simulated, as it reports in response["biological_time"] (the
 * generated code does; a hand-written program may not). */
function simulatedTime(response: unknown): number | null {
  const t = (response as { biological_time?: unknown } | null)?.biological_time;
  return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : null;
}

/** Loads blocks into a throwaway headless workspace; returns what went wrong, or null. */
function tryLoadBlocks(state: Record<string, unknown>, simulatorId: string): string | null {
  const types = [...blockTypesIn(state)];
  const unknown = types.filter((t) => !(t in Blockly.Blocks));
  if (unknown.length > 0) {
    return t('app.unknownBlocks', { types: `${unknown.slice(0, 5).map((type) => `"${type.slice(0, 40)}"`).join(', ')}${unknown.length > 5 ? ' …' : ''}` });
  }
  // each plugin's blocks are named <plugin id>_…: another simulator's blocks cannot run here
  const own = simulator(simulatorId);
  for (const other of SIMULATORS) {
    if (other.id === own.id) continue;
    const foreign = types.filter((t) => t.startsWith(`${other.id}_`));
    if (foreign.length) return t('app.foreignBlocks', { own: own.label, other: other.label, types: foreign.slice(0, 3).join(', ') });
  }
  const scratch = new Blockly.Workspace();
  try {
    Blockly.Events.disable();
    Blockly.serialization.workspaces.load(state, scratch);
    return null;
  } catch (e) {
    return t('app.blocksUnreadable', { message: (e as Error).message });
  } finally {
    Blockly.Events.enable();
    scratch.dispose();
  }
}

/** Every block type in a serialized workspace: top blocks, what is plugged into their inputs
 * (blocks and shadows) and what follows them. */
function blockTypesIn(state: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const visit = (block: unknown): void => {
    if (!block || typeof block !== 'object') return;
    const b = block as { type?: unknown; inputs?: Record<string, { block?: unknown; shadow?: unknown }>; next?: { block?: unknown; shadow?: unknown } };
    if (typeof b.type === 'string') found.add(b.type);
    for (const slot of [...Object.values(b.inputs ?? {}), b.next ?? {}]) {
      visit(slot?.block);
      visit(slot?.shadow);
    }
  };
  const top = (state.blocks as { blocks?: unknown } | undefined)?.blocks;
  if (Array.isArray(top)) top.forEach(visit);
  return found;
}

/** An example's title in the learner's language: the gallery's text for it (src/gallery/catalog.ts),
 * else the plugin's own title. */
function exampleTitle(example: { id: string; title: string }): string {
  const entry = GALLERY.find((g) => g.id === example.id);
  return entry ? galleryTitle(entry.id) : example.title;
}

/** A text naming the Run button, with that name in bold. */
function withBoldRun(key: 'app.stale' | 'app.placeholder') {
  const [before, after] = t(key, { run: '\u0000' }).split('\u0000');
  return html`${before}<b>${t('app.runName')}</b>${after}`;
}

/** The block behind a line of the program. For hand-edited code a line still belongs to a block
 * when the same text stands at the same place in the generated code. */
function blockForLine(line: number, code: string, program: LineMapped, generated: boolean): string | null {
  if (generated) return program.lineBlocks[line - 1] ?? null;
  return blockForEditedLine(line, code, program.code, program.lineBlocks);
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-app': SbApp;
  }
}
