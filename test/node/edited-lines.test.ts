// A Python error in hand-edited code lands on the block whose generated line it replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignLines, blockForEditedLine } from '../../src/app/edited-lines';

const generated = ['import torch', 'x1 = torch.ones(10, 1)', 'lif1 = norse.LIF(p=p1)', 'z, s = lif1(x1)', '', 'response = {}'].join('\n');
const blocks = [null, 'input', 'lif', 'lif', null, null];

test('an unchanged line keeps its block, wherever it moved to', () => {
  const edited = ['import torch', '# my note', 'x1 = torch.ones(10, 1)', 'lif1 = norse.LIF(p=p1)', 'z, s = lif1(x1)', '', 'response = {}'].join('\n');
  assert.equal(blockForEditedLine(3, edited, generated, blocks), 'input');
  assert.equal(blockForEditedLine(5, edited, generated, blocks), 'lif');
  assert.equal(blockForEditedLine(2, edited, generated, blocks), null, 'a line the learner added');
});

test('a typo within a block\'s line lands on that block', () => {
  const edited = generated.replace('lif1(x1)', 'lif1(xl)');
  assert.equal(blockForEditedLine(4, edited, generated, blocks), 'lif');
  const twoLines = generated.replace('lif1 = norse.LIF(p=p1)\nz, s = lif1(x1)', 'lif1 = norse.LIFF(p=p1)\nz, s = lif1(xl)\nprint(z)');
  assert.equal(blockForEditedLine(3, twoLines, generated, blocks), 'lif');
  assert.equal(blockForEditedLine(5, twoLines, generated, blocks), 'lif');
});

test('a changed stretch over lines of two blocks belongs to neither', () => {
  const edited = generated.replace('x1 = torch.ones(10, 1)\nlif1 = norse.LIF(p=p1)', 'x1 = torch.ones(10 1)\nlif1 = norse.LIF(p=p2)');
  assert.equal(blockForEditedLine(2, edited, generated, blocks), null);
  // one new line in place of lines of two blocks: neither
  const merged = generated.replace('x1 = torch.ones(10, 1)\nlif1 = norse.LIF(p=p1)', 'x1 = torch.ones(10 1); lif1 = norse.LIF(p=p1)');
  assert.equal(blockForEditedLine(2, merged, generated, blocks), null);
});

test('alignment pairs every unchanged line, in order', () => {
  const { from, changed } = alignLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
  assert.deepEqual(from, [0, 1, 2, 3, -1], 'e was added after the last line: it replaced nothing');
  assert.deepEqual(changed, [false, true, false, false, true]);
  assert.deepEqual(alignLines([], ['a']).from, [-1]);
  assert.deepEqual(alignLines(['a'], []).from, []);
});
