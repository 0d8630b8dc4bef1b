# parity: iaf_psc_delta — spike_generator inputs jump V_m by their weight (same step), inputs during refractoriness are lost
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_delta", params={"I_e": 100.0})
# Five strong inputs in quick succession push the neuron over threshold; the ones that arrive
# while it is refractory (t_ref 2 ms) must not show in V_m.
inputs = nest.Create("spike_generator", params={
    "spike_times": [5.0, 10.0, 10.5, 11.0, 11.5, 12.0, 12.5, 13.0, 30.0, 30.1],
    "spike_weights": [4.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0, -3.0, 2.5],
})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(inputs, neuron, syn_spec={"delay": 1.0})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(50.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
