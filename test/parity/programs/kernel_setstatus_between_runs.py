# parity: SetStatus between Simulate calls — I_e, a dc amplitude, V_m and a threshold changed mid-run act from the next call on
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha")
other = nest.Create("iaf_psc_exp", params={"I_e": 380.0})
dc = nest.Create("dc_generator", params={"amplitude": 0.0})
vm = nest.Create("voltmeter", params={"interval": 0.5})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neuron)
nest.Connect(vm, neuron + other)
nest.Connect(neuron + other, sr)

nest.Simulate(20.0)
nest.SetStatus(neuron, {"I_e": 300.0})
nest.Simulate(30.0)
dc.set(amplitude=250.0)
nest.SetStatus(other, "V_th", -60.0)
nest.Simulate(30.0)
neuron.set({"V_m": -75.0, "I_e": 0.0})
other.V_m = -80.0
nest.Simulate(20.0)
status = nest.GetStatus(neuron + other, ["V_m", "I_e", "V_th"])

response = {
    "spikes": sr.events,
    "voltmeter": vm.events,
    "final_status": [list(s) for s in status],
    "dc_amplitude": dc.get("amplitude"),
}
