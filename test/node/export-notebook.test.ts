// The .ipynb text (src/export/notebook.ts) by itself: nbformat's multi-line strings, a project
// name that is text and never markdown, the program unchanged. Validity and a real run on a
// kernel: test/nest/notebook.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeNotebook } from '../../src/export/notebook';

test('cells: name, program unchanged, then the response cell', () => {
  const code = 'import nest\r\n\nfor i in range(3):\n    print(i)\n\n\n';
  const nb = JSON.parse(makeNotebook({ projectName: 'My *net* #1 <b>', code, language: 'PyNEST' }));
  assert.equal(nb.nbformat, 4);
  assert.equal(nb.nbformat_minor, 5);
  assert.deepEqual(nb.cells.map((c: { cell_type: string }) => c.cell_type), ['markdown', 'code', 'code']);
  // every line but the last ends in \n; CRLF and trailing blank lines are dropped
  assert.deepEqual(nb.cells[1].source, ['import nest\n', '\n', 'for i in range(3):\n', '    print(i)']);
  assert.equal(nb.cells[0].source[0], '# My \\*net\\* \\#1 \\<b\\>\n');
  assert.match(nb.cells[2].source.join(''), /response\.get\("events", \[\]\)/);
  for (const c of nb.cells) assert.match(c.id, /^[a-zA-Z0-9-_]{1,64}$/);
  assert.equal(nb.metadata.kernelspec.name, 'python3');
});

test('a Norse program says what it needs', () => {
  const nb = JSON.parse(makeNotebook({ projectName: 'n', code: 'import torch', language: 'Norse' }));
  assert.match(nb.cells[0].source.join(''), /`torch` and `norse`/);
});
