# parity: other resolutions (0.01, 0.05, 0.2, 0.5 ms) — a dc-driven iaf_psc_alpha and iaf_psc_exp with spike input, sampled every 1 ms
# compare: values rtol=1e-6 atol=1e-9
import nest

response = {}
for resolution in [0.01, 0.05, 0.2, 0.5]:
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": resolution})
    neurons = nest.Create("iaf_psc_alpha", 1) + nest.Create("iaf_psc_exp", 1)
    dc = nest.Create("dc_generator", params={"amplitude": 420.0, "start": 2.0})
    gen = nest.Create("spike_generator", params={"spike_times": [10.0, 12.0, 25.0]})
    nest.Connect(dc, neurons, syn_spec={"delay": 1.0})
    nest.Connect(gen, neurons, syn_spec={"weight": 300.0, "delay": 2.0})
    vm = nest.Create("voltmeter", params={"interval": 1.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(vm, neurons)
    nest.Connect(neurons, sr)
    nest.Simulate(60.0)
    response["h_%g" % resolution] = {"voltmeter": vm.events, "spikes": sr.events}
