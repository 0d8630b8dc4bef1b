// The parity fixtures (test/parity/fixtures) still say what real NEST answers: re-runs every
// parity program on the venv's NEST 3.10 (`make_fixtures.py --check all`, each program and seed
// in a fresh interpreter) and compares exactly with the stored fixture. Catches a NEST version
// change, a program edited without regenerating its fixture, a fixture left over from a removed
// program, and a program whose result on NEST is not reproducible for a fixed seed (its fixture
// would be meaningless). test/node/parity.test.ts then compares the local engine with them.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { runVenvPython } from '../lib/python';

const MAKE_FIXTURES = resolve(import.meta.dirname, '../parity/make_fixtures.py');

interface Verdict {
  ok: boolean;
  problem: string | null;
  seconds: number;
}

test('every parity fixture is what real NEST 3.10 gives for its program today', async (t) => {
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await runVenvPython(MAKE_FIXTURES, ['--check', '--json', 'all'], 1_800_000));
  } catch (error) {
    // Exit status 1 (drift) still prints the verdicts; anything else is a crash.
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    if (failed.code !== 1 || !failed.stdout) throw error;
    ({ stdout = '', stderr = '' } = failed);
  }
  const line = stdout.split('\n').find((l) => l.startsWith('PARITY_CHECK '));
  assert.ok(line, `make_fixtures.py --check printed no verdicts:\n${stderr.slice(-3000)}`);
  const verdicts = JSON.parse(line.slice('PARITY_CHECK '.length)) as Record<string, Verdict>;
  const names = Object.keys(verdicts);
  assert.ok(names.length > 0, 'no parity programs found');
  const drifted = names.filter((n) => !verdicts[n].ok);
  t.diagnostic(`${names.length} programs re-checked, ${drifted.length} drifted`);
  assert.deepEqual(
    drifted.map((n) => `${n}: ${verdicts[n].problem}`),
    [],
    'fixtures that no longer match real NEST (regenerate with .venv/bin/python test/parity/make_fixtures.py NAME, after checking why)',
  );
});
