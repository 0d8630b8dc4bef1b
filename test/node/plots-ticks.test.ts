// Axis tick labels: plain numbers while they fit the reserved axis width (6 characters), else powers of ten.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tickLabel } from '../../src/plots/ticks';

test('plain numbers up to 6 characters, powers of ten beyond, no float noise', () => {
  assert.deepEqual([0, 0.5, -70, 1000, 123456, 0.1 + 0.2].map(tickLabel), ['0', '0.5', '-70', '1000', '123456', '0.3']);
  assert.deepEqual([1_000_000, -200_000_000, 2.5e9, 0.0000015, 1e-7].map(tickLabel), ['1e6', '-2e8', '2.5e9', '1.5e-6', '1e-7']);
  assert.equal(tickLabel(null), '');
});
