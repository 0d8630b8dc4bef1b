# parity: ac_generator — offset + amplitude·sin(2π f t + phase) through a delay, windowed by start/stop, drives two iaf_psc_alpha
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neurons = nest.Create("iaf_psc_alpha", 2)
ac = nest.Create("ac_generator", params={
    "amplitude": 300.0, "offset": 250.0, "frequency": 20.0, "phase": 45.0, "start": 10.0, "stop": 180.0,
})
vm = nest.Create("voltmeter", params={"interval": 0.5})
sr = nest.Create("spike_recorder")
nest.Connect(ac, neurons[0], syn_spec={"delay": 1.0})
nest.Connect(ac, neurons[1], syn_spec={"delay": 3.7, "weight": 1.5})
nest.Connect(vm, neurons)
nest.Connect(neurons, sr)
nest.Simulate(200.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
