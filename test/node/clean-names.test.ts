import assert from 'node:assert/strict';
import test from 'node:test';
import * as Blockly from 'blockly';
import { cleanNameAfter, withCleanNames } from '../../src/app/clean-names';

const RLO = '\u202E';

test('a loaded project\'s block names lose their bidi controls; nothing else changes', () => {
  const state = { blocks: { blocks: [] }, variables: [{ name: `sr${RLO}gnp.exe`, id: 'a', type: 'node' }, { name: 'n1', id: 'b', type: 'node' }] };
  const clean = withCleanNames(state) as typeof state;
  assert.deepEqual(clean.variables.map((v) => v.name), ['srgnp.exe', 'n1']);
  assert.deepEqual(clean.variables.map((v) => v.id), ['a', 'b']);
  assert.equal(state.variables[0].name, `sr${RLO}gnp.exe`, 'the given state is left as it was');
  assert.equal(withCleanNames({ blocks: {} }).variables, undefined);
});

test('a name typed with a bidi control is renamed without it', () => {
  const ws = new Blockly.Workspace();
  ws.addChangeListener((e) => cleanNameAfter(e, ws));
  const v = ws.getVariableMap().createVariable(`pg${RLO}1`, 'node');
  // listeners hear events when Blockly fires them, a moment later
  return new Promise<void>((done) =>
    setTimeout(() => {
      assert.equal(ws.getVariableMap().getVariableById(v.getId())!.getName(), 'pg1');
      ws.dispose();
      done();
    }, 10),
  );
});
