/**
 * Scenarios run on real NEST 3.10 by test/fixtures/make_kernel_fixtures.py, replayed here on the
 * kernel. Deterministic cases: every recorded value must match.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replay, type Op } from '../fixtures/kernel/replay';

interface Fixture {
  nest_version: string;
  description: string;
  ops: Op[];
  captured: { id: number; events: Record<string, number[]> }[];
}

const DIR = fileURLToPath(new URL('../fixtures/kernel/', import.meta.url));

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 + 1e-9 * Math.abs(expected);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !['first_example_rates.json', 'error_texts.json'].includes(f));

test('fixtures exist and come from NEST 3.10', () => {
  assert.ok(files.length >= 7, `only ${files.length} fixtures`);
  for (const f of files) {
    const fx = JSON.parse(readFileSync(DIR + f, 'utf8')) as Fixture;
    assert.match(fx.nest_version, /^3\.10/);
    assert.ok(fx.captured.length > 0);
  }
});

for (const file of files) {
  const fx = JSON.parse(readFileSync(DIR + file, 'utf8')) as Fixture;
  test(`${file}: ${fx.description}`, () => {
    const ours = replay(fx.ops).captured;
    assert.equal(ours.length, fx.captured.length);
    fx.captured.forEach((want, c) => {
      const got = ours[c];
      assert.equal(got.id, want.id);
      assert.deepEqual(Object.keys(got.events).sort(), Object.keys(want.events).sort(), `recorded keys of node ${want.id}`);
      for (const [key, values] of Object.entries(want.events)) {
        const mine = got.events[key];
        assert.equal(mine.length, values.length, `${key} of node ${want.id} (capture ${c}): length`);
        for (let i = 0; i < values.length; i++) {
          if (!close(mine[i], values[i])) {
            assert.fail(`${key}[${i}] of node ${want.id} (capture ${c}): ${mine[i]} != NEST ${values[i]}` +
              (got.events.times ? ` at t = ${want.events.times[i]}` : ''));
          }
        }
      }
    });
  });
}
