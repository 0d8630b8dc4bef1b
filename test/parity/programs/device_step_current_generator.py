# parity: step_current_generator — piecewise constant current (amplitude_times/values) into iaf_psc_exp; each value applies from its time
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_exp")
steps = nest.Create("step_current_generator", params={
    "amplitude_times": [10.0, 30.0, 30.5, 60.0, 90.0],
    "amplitude_values": [200.0, 500.0, -100.0, 420.0, 0.0],
})
vm = nest.Create("voltmeter", params={"interval": 0.5})
sr = nest.Create("spike_recorder")
nest.Connect(steps, neuron, syn_spec={"delay": 1.0})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(120.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
