# parity: iaf_psc_delta options — refractory_input True (inputs during refractoriness are kept and added afterwards) and V_min (a floor for V_m)
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neurons = nest.Create("iaf_psc_delta", 3, params={"I_e": 200.0})
neurons[0].set({"refractory_input": True})
neurons[2].set({"V_min": -72.0})
exc = nest.Create("spike_generator", params={"spike_times": [5.0, 5.5, 6.0, 6.5, 7.0, 20.0]})
inh = nest.Create("spike_generator", params={"spike_times": [30.0, 30.1, 30.2]})
nest.Connect(exc, neurons, syn_spec={"weight": 8.0})
nest.Connect(inh, neurons, syn_spec={"weight": -9.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neurons)
nest.Connect(neurons, sr)
nest.Simulate(45.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
