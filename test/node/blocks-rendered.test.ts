/**
 * The NEST blocks in a RENDERED workspace (Blockly.inject into a jsdom page), where rows are
 * added and removed on BlockSvg blocks: the examples load, switching the population's model and
 * choosing stdp_synapse re-render without errors, and every toolbox flyout opens (each of its
 * blocks is built and drawn). jsdom has no layout engine: text widths and boxes are stubbed,
 * which is enough for Blockly's renderer to run its code paths.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { test } from 'node:test';
import type * as BlocklyModule from 'blockly';

// jsdom (Blockly's own Node dependency) ships no types: the little used here, typed by hand
interface JsdomWindow extends Record<string, unknown> {
  SVGElement: { prototype: Record<string, unknown> };
  HTMLCanvasElement: { prototype: Record<string, unknown> };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { pretendToBeVisual: boolean }) => { window: JsdomWindow };
};

const dom = new JSDOM('<!DOCTYPE html><div id="blockly" style="width:1000px;height:800px"></div>', { pretendToBeVisual: true });
const g = globalThis as Record<string, unknown>;
const win = dom.window;
for (const k of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer',
  'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'MutationObserver', 'KeyboardEvent', 'MouseEvent',
  'PointerEvent', 'Event', 'CustomEvent', 'DocumentFragment']) {
  if (!(k in g) || k === 'window' || k === 'document' || k === 'navigator') {
    Object.defineProperty(g, k, { value: win[k], configurable: true, writable: true });
  }
}
const svgProto = dom.window.SVGElement.prototype;
svgProto.getComputedTextLength = function (this: Element) { return (this.textContent ?? '').length * 7; };
svgProto.getBBox = () => ({ x: 0, y: 0, width: 10, height: 10 });
dom.window.HTMLCanvasElement.prototype.getContext = () => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' });

const Blockly: typeof BlocklyModule = await import('blockly');
const { registerNestBlocks } = await import('../../blocks/nest/index');
const { TOOLBOX } = await import('../../blocks/toolbox');
const { NEURON_MODELS } = await import('../../blocks/nest/neurons');
const { generateNest } = await import('../../generators/nest');

registerNestBlocks();
const example = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../blocks/examples/${name}`), 'utf8'));

function inject(): BlocklyModule.WorkspaceSvg {
  return Blockly.inject(document.getElementById('blockly')!, { toolbox: TOOLBOX as BlocklyModule.utils.toolbox.ToolboxDefinition, sounds: false });
}

test('rendered: the examples load; switching models rebuilds the rows of a drawn block', () => {
  const ws = inject();
  try {
    Blockly.serialization.workspaces.load(example('first-example.json'), ws);
    const pop = ws.getAllBlocks(false).find((b) => b.type === 'nest_population')! as BlocklyModule.BlockSvg;
    assert.ok(pop.rendered);
    for (const m of [...NEURON_MODELS].reverse()) {
      pop.setFieldValue(m, 'MODEL');
      ws.render();
      assert.equal(pop.getFieldValue('MODEL'), m);
      for (const input of pop.inputList) {
        const t = input.connection?.targetBlock() as BlocklyModule.BlockSvg | null;
        if (t) assert.ok(t.rendered, `${m}.${input.name}: its shadow is drawn`);
      }
    }
    assert.deepEqual(generateNest(ws).problems, []);
    Blockly.serialization.workspaces.load(example('fi-curve.json'), ws);
    assert.ok(ws.getAllBlocks(false).some((b) => b.type === 'nest_record_result'));
  } finally {
    ws.dispose();
  }
});

test('rendered: choosing stdp_synapse shows its rows with drawn shadows', () => {
  const ws = inject();
  try {
    Blockly.serialization.workspaces.load(example('first-example.json'), ws);
    const c = ws.getAllBlocks(false).find((b) => b.type === 'nest_connect')! as BlocklyModule.BlockSvg;
    c.setFieldValue('stdp_synapse', 'SYNAPSE');
    ws.render();
    const wmax = c.getInputTargetBlock('Wmax') as BlocklyModule.BlockSvg;
    assert.ok(c.getInput('Wmax')!.isVisible() && wmax.rendered);
  } finally {
    ws.dispose();
  }
});

test('rendered: every toolbox category opens its flyout', () => {
  const ws = inject();
  try {
    const toolbox = ws.getToolbox() as BlocklyModule.Toolbox;
    const opened: string[] = [];
    for (const item of toolbox.getToolboxItems()) {
      if (!item.isSelectable()) continue;
      toolbox.setSelectedItem(item as BlocklyModule.ISelectableToolboxItem);
      const name = (item as BlocklyModule.ToolboxCategory).getName();
      const drawn = toolbox.getFlyout()!.getWorkspace().getTopBlocks(false);
      if (name !== 'Variables') assert.ok(drawn.length > 0, `${name}: no blocks in its flyout`);
      for (const b of drawn) assert.ok(b.rendered, `${name}: ${b.type} drawn`);
      opened.push(name);
    }
    assert.deepEqual(opened.slice(0, 6), ['Neurons', 'Stimuli', 'Recorders', 'Connections', 'Random', 'Simulation']);
    toolbox.setSelectedItem(toolbox.getToolboxItems()[0] as BlocklyModule.ISelectableToolboxItem);
    const populations = toolbox.getFlyout()!.getWorkspace().getTopBlocks(false).filter((b) => b.type === 'nest_population');
    assert.deepEqual(populations.map((b) => b.getFieldValue('MODEL')), NEURON_MODELS);
  } finally {
    ws.dispose();
  }
});
