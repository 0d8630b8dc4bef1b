// Norse Server comments out import lines and gives norse, torch and np: adaptForNorseServer keeps
// what an aliased import means there, line for line, with plain assignments (RestrictedPython,
// which the server uses by default, has no __import__).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adaptForNorseServer } from '../../src/remote/norse-server';

const note = (line: string) => `  # ${line} (Norse Server skips import lines)`;

test('aliased imports of the packages it gives become assignments from the names bound so far, on the same lines', () => {
  const code = ['import torch', 'import norse.torch as norse', 'import numpy as np', 'import torch.nn as nn', 'from norse.torch import LIF, LI as Leaky', 'from numpy import linalg', 'x = 1', ''].join('\n');
  assert.deepEqual(adaptForNorseServer(code).split('\n'), [
    'import torch',
    `norse = norse.torch${note('import norse.torch as norse')}`,
    `pass${note('import numpy as np')}`,
    `nn = torch.nn${note('import torch.nn as nn')}`,
    // norse is norse.torch by now
    `LIF, Leaky = norse.LIF, norse.LI${note('from norse.torch import LIF, LI as Leaky')}`,
    `linalg = np.linalg${note('from numpy import linalg')}`,
    'x = 1',
    '',
  ]);
});

test('a module no bound name reaches, other packages, indented and odd lines are left as they are', () => {
  // after norse = norse.torch, the top-level norse package has no name left
  const rebound = adaptForNorseServer('import norse.torch as norse\nimport norse.benchmark as bench');
  assert.equal(rebound.split('\n')[1], 'import norse.benchmark as bench');
  for (const line of ['import scipy.signal as sig', 'from os import path', 'x = "import norse.torch as norse"', 'from norse.torch import (LIF,', 'from norse.torch import *', '    import norse.torch as nt']) {
    assert.equal(adaptForNorseServer(line), line);
  }
  // from norse import torch: `torch` is norse.torch from then on, so nothing reaches PyTorch's torch.nn
  assert.deepEqual(adaptForNorseServer('from norse import torch\nimport torch.nn as nn').split('\n'), [`torch = norse.torch${note('from norse import torch')}`, 'import torch.nn as nn']);
});
