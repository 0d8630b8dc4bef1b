"""The scenario of test/bench/cond-throughput.ts on real NEST, one thread.

Run: .venv/bin/python test/bench/cond-throughput-nest.py [model ...]
"""
import json, time, sys
import nest
nest.verbosity = nest.VerbosityLevel.ERROR
N, T = 1000, 1000.0
WEIGHT = {"iaf_psc_alpha": 30.0, "hh_psc_alpha": 100.0}
out = {}
for model in sys.argv[1:] or ["iaf_cond_exp", "iaf_cond_alpha", "iaf_psc_alpha", "hh_psc_alpha", "aeif_cond_alpha"]:
    nest.ResetKernel()
    nest.local_num_threads = 1
    pop = nest.Create(model, N)
    pg = nest.Create("poisson_generator", params={"rate": 8000.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(pg, pop, syn_spec={"weight": WEIGHT.get(model, 6.0), "delay": 1.0})
    nest.Connect(pop, sr)
    c0, t0 = time.process_time(), time.perf_counter()
    nest.Simulate(T)
    s, c = time.perf_counter() - t0, time.process_time() - c0
    out[model] = {"ms": s * 1000, "updatesPerSecond": N * T / 0.1 / s, "updatesPerCpuSecond": N * T / 0.1 / c,
                  "spikes": sr.n_events}
print(json.dumps(out, indent=1))
