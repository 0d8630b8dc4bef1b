# parity: every local point-neuron model under Poisson excitation and inhibition — mean output rate and mean V_m per model over seeds
# compare: stats seeds=20
import nest

SEED = 1

# Weights chosen per model so each fires at a moderate rate (current in pA, conductance in nS,
# voltage jumps in mV); 20 independent copies per model.
models = [
    ("iaf_psc_alpha", 12.0, -12.0, {}),
    ("iaf_psc_exp", 32.0, -32.0, {}),
    ("iaf_psc_delta", 0.27, -0.27, {}),
    ("iaf_cond_exp", 4.5, -1.5, {}),
    ("iaf_cond_alpha", 1.7, -0.5, {}),
    ("izhikevich", 2.5, -2.5, {}),
]
copies = 20

nest.ResetKernel()
nest.rng_seed = SEED
exc = nest.Create("poisson_generator", params={"rate": 8000.0})
inh = nest.Create("poisson_generator", params={"rate": 2000.0})
recorded = []
for model, w_exc, w_inh, params in models:
    neurons = nest.Create(model, copies, params=params)
    nest.Connect(exc, neurons, syn_spec={"weight": w_exc, "delay": 1.0})
    nest.Connect(inh, neurons, syn_spec={"weight": w_inh, "delay": 1.0})
    sr = nest.Create("spike_recorder")
    vm = nest.Create("voltmeter", params={"interval": 2.0})
    nest.Connect(neurons, sr)
    nest.Connect(vm, neurons)
    recorded.append((model, sr, vm))
nest.Simulate(300.0)

response = {}
for model, sr, vm in recorded:
    v = vm.events["V_m"]
    response[model + "_rate_hz"] = sr.n_events / copies / 0.3
    response[model + "_mean_V_m"] = sum(v) / len(v)
