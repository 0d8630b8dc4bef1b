# parity: classic example idea — the same neuron started from different initial V_m (-80 … -50 mV, below and above threshold) relaxes to rest or fires at once
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
starts = [-80.0, -75.0, -70.0, -65.0, -60.0, -56.0, -55.0, -50.0]
neurons = nest.Create("iaf_cond_exp", len(starts))
neurons.set(V_m=starts)
others = nest.Create("iaf_psc_alpha", len(starts))
others.set(V_m=starts)
vm = nest.Create("voltmeter", params={"interval": 0.2})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neurons + others)
nest.Connect(neurons + others, sr)
nest.Simulate(60.0)

response = {"voltmeter": vm.events, "spikes": sr.events, "final_V_m": (neurons + others).get("V_m")}
