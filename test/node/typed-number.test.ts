import assert from 'node:assert/strict';
import test from 'node:test';
import * as Blockly from 'blockly';
import { readTypedNumber, typedNumberText } from '../../src/i18n/typed-number';
import { parseTypedNumber } from '../../blocks/nest/range-number-field';
import { registerNestBlocks } from '../../blocks/nest';
import { useLanguageForTests } from '../../src/i18n';

test('a decimal comma is a decimal point, in German and in English', () => {
  assert.equal(readTypedNumber('375,5', 'de'), 375.5);
  assert.equal(readTypedNumber('375,5', 'en'), 375.5);
  assert.equal(readTypedNumber('-0,25', 'de'), -0.25);
  assert.equal(readTypedNumber(',5', 'de'), 0.5);
  assert.equal(readTypedNumber('1,5e3', 'de'), 1500);
});

test('thousands grouping is English only; commas that cannot be read without guessing are refused', () => {
  assert.equal(readTypedNumber('1,000', 'en'), 1000);
  assert.equal(readTypedNumber('12,500.5', 'en'), 12500.5);
  assert.equal(readTypedNumber('1,000', 'de'), 1); // German: 1,000 is one
  assert.equal(typedNumberText('1,2,3', 'de'), null);
  assert.equal(typedNumberText('1.000,5', 'de'), null);
  assert.equal(readTypedNumber('', 'en'), null);
  assert.equal(readTypedNumber('abc', 'en'), null);
  assert.equal(readTypedNumber('0.1', 'de'), 0.1); // the point the blocks and the code show works too
});

test('the blocks\' number fields read a decimal comma (Blockly alone made 375,5 into 3755)', () => {
  registerNestBlocks();
  useLanguageForTests('de');
  try {
    assert.equal(parseTypedNumber('375,5'), 375.5);
    assert.equal(parseTypedNumber('1,2,3'), null);
    const ws = new Blockly.Workspace();
    const block = ws.newBlock('math_number');
    block.setFieldValue('375,5', 'NUM');
    assert.equal(block.getFieldValue('NUM'), 375.5);
    block.setFieldValue('1,2,3', 'NUM'); // refused: the value stays
    assert.equal(block.getFieldValue('NUM'), 375.5);
    ws.dispose();
  } finally {
    useLanguageForTests('en');
  }
});
