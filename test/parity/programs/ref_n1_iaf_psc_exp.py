# parity: reference case N1 with iaf_psc_exp — the same dc drive gives the same V_m table and the spike at 5.0
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1})
neuron = nest.Create("iaf_psc_exp")
dc = nest.Create("dc_generator", params={"amplitude": 1000.0, "start": 0.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neuron, syn_spec={"delay": 0.1})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
