/**
 * In a real browser (the system Chromium): clicking a slider number field and typing edits the
 * number. FieldSlider used to leave the text input unfocused (and focus the slider 250 ms later),
 * so the keystrokes were lost. The blocks are bundled with esbuild (tsx's own) into the page; no
 * server, nothing fetched.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../lib/chromium';

const root = resolve(import.meta.dirname, '../..');
const ENTRY = `
import * as Blockly from 'blockly';
import { registerNestBlocks } from './blocks/nest/index';
registerNestBlocks();
const ws = Blockly.inject('blocklyDiv', { media: '', renderer: 'zelos' });
const b = Blockly.serialization.blocks.append({ type: 'nest_slider_weight', id: 'w', x: 40, y: 40, fields: { NUM: 5 } }, ws);
window.sb = { value: () => b.getFieldValue('NUM'), active: () => document.activeElement?.className ?? '' };
`;

let browser: Browser | null = null;
let page: Page;
const skip = !existsSync(CHROMIUM_PATH) && `no Chromium at ${CHROMIUM_PATH}`;

before(async () => {
  if (skip) return;
  // esm: blocks/messages.ts loads Blockly's messages of the page's language with a top-level await
  const out = await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'esm', logLevel: 'silent' });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><div id="blocklyDiv" style="width:800px;height:500px"></div>');
  await page.addScriptTag({ content: out.outputFiles[0].text, type: 'module' });
  await page.waitForFunction('window.sb !== undefined');
});

after(async () => {
  await browser?.close();
});

/** Clicks the number on the block and waits until the editor is open. */
async function openEditor(): Promise<void> {
  await page.locator('.blocklyEditableField').first().click();
  await page.waitForSelector('.blocklyHtmlInput');
  await page.waitForSelector('.fieldSlider');
}

test('click the number, type: the typed number replaces it (and is not clamped)', { skip }, async () => {
  await openEditor();
  assert.equal(await page.evaluate(() => (window as unknown as { sb: { active(): string } }).sb.active()), 'blocklyHtmlInput');
  await page.keyboard.type('800');
  // Past FieldSlider's 250 ms: it must not move the focus to the slider.
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => (window as unknown as { sb: { value(): number } }).sb.value()), 800);
});

test('the slider still drags the value (keyboard arrows on the focused slider)', { skip }, async () => {
  await openEditor();
  const slider = page.locator('.fieldSlider');
  await slider.focus();
  await page.keyboard.press('ArrowLeft'); // value 800 is beyond max 100: the slider sits at 100, one step left
  const v = await page.evaluate(() => (window as unknown as { sb: { value(): number } }).sb.value());
  assert.ok(v < 100 && v > 99, `slider value ${v}`);
  await page.keyboard.press('Enter');
});
