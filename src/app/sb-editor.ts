/**
 * The block workspace. Owns the Blockly injection and reports, as events, every change a learner
 * makes that can change the program — including while a slider is still moving, so the code panel
 * follows the hand.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as Blockly from 'blockly';
import { installShadowFocusAdapter } from './blockly-shadow-focus';
import { applyBlockAria } from '../../blocks/aria';
import { applyBlocklyLanguage } from '../../blocks/messages';
import { t } from '../i18n';
import { blocklyTheme } from '../theme/blockly-theme';
import { highContrast, onContrastChange, startContrast } from '../theme/contrast';
import { loadKeepingMisplaced } from '../../blocks/nest/param-check';
import { warningText, wrapLines } from './warning-text';
import { cleanNameAfter, withCleanNames } from './clean-names';

export interface WorkspaceChangeDetail {
  /** True while a field is still being edited (a slider being dragged): regenerate, don't save. */
  intermediate: boolean;
}

/** Events that never change the program: selection, scrolling, toolbox clicks, bubbles opening. */
function changesProgram(e: Blockly.Events.Abstract): boolean {
  if (e.isUiEvent) return false;
  return e.type !== Blockly.Events.FINISHED_LOADING;
}

@customElement('sb-editor')
export class SbEditor extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; min-height: 300px; }
    #blockly { position: absolute; inset: 0; }
  `;

  @property({ attribute: false }) toolbox: Blockly.utils.toolbox.ToolboxDefinition | null = null;
  /** Options that replace the defaults at inject, e.g. kiosk mode's zelos renderer and zoom. */
  @property({ attribute: false }) injectOptions: Blockly.BlocklyOptions | null = null;

  private ws: Blockly.WorkspaceSvg | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private stopContrast: (() => void) | null = null;
  private loading = false;

  get workspace(): Blockly.WorkspaceSvg {
    if (!this.ws) throw new Error('The block editor is not ready yet');
    return this.ws;
  }

  override render() {
    return html`<div id="blockly" role="region" aria-label=${t('a11y.workspace')}></div>`;
  }

  override firstUpdated(): void {
    const host = this.renderRoot.querySelector<HTMLDivElement>('#blockly')!;
    // before inject: Blockly's focus manager must see focus inside our shadow root from the start
    installShadowFocusAdapter(host);
    // every block type is registered by now (the app registers its plugins' blocks first)
    applyBlockAria();
    // Blockly's messages (menus, our blocks' texts) in the learner's language, before any block is built
    applyBlocklyLanguage();
    this.ws = Blockly.inject(host, {
      toolbox: this.toolbox ?? undefined,
      media: '/blockly-media/',
      renderer: 'thrasos',
      trashcan: true,
      sounds: true,
      move: { scrollbars: true, drag: true, wheel: true },
      zoom: { controls: true, wheel: false, pinch: true, startScale: 0.9 },
      grid: { spacing: 24, length: 2, colour: '#e3e6ea', snap: true },
      theme: blocklyTheme(highContrast()),
      ...this.injectOptions,
    });
    startContrast();
    this.stopContrast = onContrastChange((on) => this.ws?.setTheme(blocklyTheme(on)));
    // Ctrl+Enter runs the program (the app's shortcut); Blockly's context menu keeps Shift+F10
    // and the menu key.
    const ctrlEnter = Blockly.ShortcutRegistry.registry.createSerializedKey(Blockly.utils.KeyCodes.ENTER, [Blockly.utils.KeyCodes.CTRL_CMD]);
    Blockly.ShortcutRegistry.registry.removeKeyMapping(ctrlEnter, Blockly.ShortcutItems.names.MENU, true);
    this.ws.addChangeListener((e) => this.onChange(e));
    hideMeasuringCanvas();
    this.resizeObserver = new ResizeObserver(() => this.ws && Blockly.svgResize(this.ws));
    this.resizeObserver.observe(this);
  }

  protected override updated(changed: Map<string, unknown>): void {
    // another simulator's blocks: its own toolbox categories
    if (changed.has('toolbox') && this.ws && this.toolbox && changed.get('toolbox') !== undefined) this.ws.updateToolbox(this.toolbox);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.stopContrast?.();
    this.ws?.dispose();
    this.ws = null;
  }

  private onChange(e: Blockly.Events.Abstract): void {
    if (this.ws) cleanNameAfter(e, this.ws);
    if (this.loading || !changesProgram(e) || !this.ws) return;
    // While a block is being dragged its connections are in flux; the drop fires a MOVE event.
    if (this.ws.isDragging()) return;
    const intermediate = e.type === Blockly.Events.BLOCK_FIELD_INTERMEDIATE_CHANGE;
    this.dispatchEvent(new CustomEvent<WorkspaceChangeDetail>('workspace-change', { detail: { intermediate }, bubbles: true, composed: true }));
  }

  /** Replaces the blocks; one workspace-change follows, so the code panel and autosave update. */
  load(state: Record<string, unknown>): void {
    const ws = this.workspace;
    this.loading = true;
    try {
      Blockly.Events.disable();
      ws.clear();
      // a project saved before parameter rows were strict keeps every block (misplaced ones lie loose)
      loadKeepingMisplaced(withCleanNames(state), ws);
    } finally {
      Blockly.Events.enable();
      this.loading = false;
    }
    hideMeasuringCanvas();
    // Show the program from its top-left corner: that is where a learner starts reading.
    const top = ws.getTopBlocks(true)[0];
    if (top) ws.scrollBoundsIntoView(top.getBoundingRectangle());
    this.dispatchEvent(new CustomEvent<WorkspaceChangeDetail>('workspace-change', { detail: { intermediate: false }, bubbles: true, composed: true }));
  }

  save(): Record<string, unknown> {
    return Blockly.serialization.workspaces.save(this.workspace) as Record<string, unknown>;
  }

  /** Shows each problem on its block; blocks without a problem lose any earlier warning. */
  showProblems(problems: { blockId: string; message: string }[]): void {
    const byBlock = new Map<string, string[]>();
    for (const p of problems) byBlock.set(p.blockId, [...(byBlock.get(p.blockId) ?? []), p.message]);
    for (const block of this.workspace.getAllBlocks(false)) {
      const messages = byBlock.get(block.id);
      const text = messages ? warningText(messages) : null;
      if (block.getIcon(Blockly.icons.IconType.WARNING)?.getText?.() !== text) block.setWarningText(text);
    }
  }

  /** Points at the block a run failed on: selects it, scrolls to it, opens its warning. */
  markError(blockId: string, message: string): void {
    const block = this.workspace.getBlockById(blockId);
    if (!block) return;
    block.setWarningText(wrapLines(message));
    // the one selected block (select() alone left earlier error blocks drawn as selected)
    Blockly.common.setSelected(block as Blockly.BlockSvg);
    this.workspace.centerOnBlock(blockId);
    const icon = block.getIcon(Blockly.icons.IconType.WARNING);
    if (icon && 'setBubbleVisible' in icon) void (icon as Blockly.icons.WarningIcon).setBubbleVisible(true);
  }

  highlight(blockId: string | null): void {
    this.workspace.highlightBlock(blockId);
    if (blockId) this.workspace.centerOnBlock(blockId);
  }
}

/** Blockly measures words on a canvas it adds to the page's body, outside every landmark: it is
 * not content, so screen readers skip it (axe's "region" rule named it). */
function hideMeasuringCanvas(): void {
  document.querySelector('body > canvas.blocklyComputeCanvas')?.setAttribute('aria-hidden', 'true');
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-editor': SbEditor;
  }
}
