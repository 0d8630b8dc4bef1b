/**
 * The new connection rules through the Python `nest` facade (Pyodide in Node): conn_spec dicts
 * reach the kernel whole, syn_spec arrays in each rule's PyNEST shape, NEST's exceptions.
 * Expected values: the same program run on real NEST 3.10.0 (/work/main/.venv/bin/python);
 * the counts are fixed by the rules (no randomness in them), so they must agree exactly.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime();
});

const PROGRAM = String.raw`
import nest
nest.ResetKernel()
nest.rng_seed = 7
pre = nest.Create("iaf_psc_alpha", 6)
post = nest.Create("iaf_psc_alpha", 4)
counts = []
nest.Connect(pre, post, {"rule": "fixed_indegree", "indegree": 3, "allow_multapses": False},
             {"weight": [[1.0, 2.0, 3.0]] * 4})
counts.append(nest.GetKernelStatus("num_connections"))
nest.Connect(pre, post, {"rule": "fixed_outdegree", "outdegree": 2})
counts.append(nest.GetKernelStatus("num_connections"))
nest.Connect(pre, post, {"rule": "fixed_total_number", "N": 9}, {"delay": [1.5] * 9})
counts.append(nest.num_connections)
nest.Connect(pre, pre, {"rule": "pairwise_bernoulli", "p": 1.0, "allow_autapses": False})
counts.append(nest.num_connections)
errors = []
for conn, syn in [
    ({"rule": "fixed_indegree", "indegree": 7, "allow_multapses": False}, None),
    ({"rule": "fixed_outdegree", "outdegree": -2}, None),
    ({"rule": "fixed_total_number", "N": 25, "allow_multapses": False}, None),
    ({"rule": "pairwise_bernoulli", "p": 2.0}, None),
    ({"rule": "pairwise_bernoulli"}, None),
    ({"rule": "fixed_indegree", "indegree": 2}, {"weight": [[1.0, 2.0, 3.0]] * 4}),
    ({"rule": "pairwise_bernoulli", "p": 0.5}, {"weight": [[1.0] * 6] * 4}),
    ({"rule": "fixed_indegree", "indegree": 2}, {"weight": [1.0] * 8}),
]:
    try:
        nest.Connect(pre, post, conn, syn)
        errors.append(["no error"])
    except nest.NESTErrors.KernelException as e:
        errors.append(["KernelException", type(e).__name__, str(e)])
    except Exception as e:
        errors.append([type(e).__name__, str(e)])
counts.append(nest.num_connections)
response = {"counts": counts, "errors": errors}
`;

test('fixed_indegree / fixed_outdegree / fixed_total_number / pairwise_bernoulli from Python, as on NEST 3.10', () => {
  const result = runtime.run(PROGRAM);
  assert.ok(result.ok, JSON.stringify(result));
  const response = result.response as { counts: number[]; errors: unknown[] };
  // 4 targets × indegree 3; + 6 sources × outdegree 2; + N 9; + 6 × 5 non-self pairs at p = 1;
  // the failed calls add nothing
  assert.deepEqual(response.counts, [12, 24, 33, 63, 63]);
  assert.deepEqual(response.errors, [
    ['KernelException', 'BadProperty', 'Indegree cannot be larger than population size.'],
    ['KernelException', 'BadProperty', 'Outdegree cannot be less than zero.'],
    ['KernelException', 'BadProperty', 'Total number of connections cannot exceed product of source and target population sizes.'],
    ['KernelException', 'BadProperty', 'Connection probability 0 <= p <= 1 required.'],
    ['IndexError', 'map::at'],
    ['ValueError', "'weight' has to be an array of dimension 4x2 (n_target x indegree), a scalar or a dictionary."],
    ['TypeError', "'weight' has the wrong type. Two-dimensional parameter arrays can only be used in conjunction with rules 'all_to_all', 'fixed_indegree' or fixed_outdegree'."],
    ['TypeError', "'weight' has the wrong type. One-dimensional parameter arrays can only be used in conjunction with rule 'one_to_one' or 'fixed_total_number'."],
  ]);
});
