// Norse Server comments out import lines and injects norse, torch and np: adaptForNorseServer keeps
// what an aliased import means there, line for line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adaptForNorseServer } from '../../src/remote/norse-server';

test('aliased imports of injected packages become assignments, on the same lines', () => {
  const code = 'import torch\nimport norse.torch as norse\nimport numpy as np\nimport torch.nn as nn\nfrom norse.torch import LIF, LI as Leaky\nx = 1\n';
  const lines = adaptForNorseServer(code).split('\n');
  assert.equal(lines.length, code.split('\n').length);
  assert.equal(lines[0], 'import torch');
  assert.equal(lines[1], 'norse = __import__("norse.torch", fromlist=["__name__"])  # import norse.torch as norse (Norse Server comments out imports)');
  assert.match(lines[2], /^np = __import__\("numpy"\)  # import numpy as np/);
  assert.match(lines[3], /^nn = __import__\("torch\.nn", fromlist=\["__name__"\]\)  #/);
  assert.match(lines[4], /^LIF, Leaky = __import__\("norse\.torch", fromlist=\["LIF"\]\)\.LIF, __import__\("norse\.torch", fromlist=\["LI"\]\)\.LI  #/);
  assert.equal(lines[5], 'x = 1');
});

test('indentation is kept; other packages, strings and odd lines are left alone', () => {
  assert.equal(adaptForNorseServer('if True:\n    import norse.torch as nt\n'), 'if True:\n    nt = __import__("norse.torch", fromlist=["__name__"])  # import norse.torch as nt (Norse Server comments out imports)\n');
  for (const line of ['import scipy.signal as sig', 'from os import path', 'x = "import norse.torch as norse"', 'from norse.torch import (LIF,', 'from norse.torch import *']) {
    assert.equal(adaptForNorseServer(line), line);
  }
  assert.match(adaptForNorseServer('import numpy.linalg as la'), /^la = __import__\("numpy\.linalg", fromlist=\["__name__"\]\)  #/);
});
