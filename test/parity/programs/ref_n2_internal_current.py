# parity: reference case N2 — no generator, I_e = 1000 pA on iaf_psc_alpha; V_m every 0.1 ms and the spike at 4.8
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1})
neuron = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)

response = {"spikes": sr.events, "voltmeter": vm.events}
