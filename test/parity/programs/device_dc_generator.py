# parity: dc_generator start/stop window through delays 0.1, 1.0 and 2.5 — current generators act over (start + d, stop + d]; amplitude changed between calls
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neurons = nest.Create("iaf_psc_alpha", 3)
dc = nest.Create("dc_generator", params={"amplitude": 800.0, "start": 5.0, "stop": 15.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neurons[0], syn_spec={"delay": 0.1})
nest.Connect(dc, neurons[1], syn_spec={"delay": 1.0})
nest.Connect(dc, neurons[2], syn_spec={"delay": 2.5, "weight": -0.5})
nest.Connect(vm, neurons)
nest.Connect(neurons, sr)
nest.Simulate(12.0)
dc.amplitude = 1200.0
nest.Simulate(13.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
