import assert from 'node:assert/strict';
import test from 'node:test';
import { warningText, wrapLines } from '../../src/app/warning-text';

const long = 'BadProperty: Spike times must be sorted in ascending order, and each one must lie after the start of the simulation.';

test('a long message is broken at spaces into lines of at most 60 characters, no word lost', () => {
  const wrapped = wrapLines(long);
  const lines = wrapped.split('\n');
  assert.ok(lines.length >= 2 && lines.length <= 3, wrapped);
  for (const line of lines) assert.ok(line.length <= 60, line);
  assert.equal(lines.join(' '), long);
});

test('several messages on one block: each wrapped at 60 characters, not one word per line', () => {
  const text = warningText([long, 'tau_m must be > 0.']);
  const lines = text.split('\n');
  // 2 or 3 lines for the long one (as above) + 1 for the short one; one word per line would be 21
  assert.ok(lines.length <= 4, text);
  assert.equal(lines.at(-1), 'tau_m must be > 0.');
});
