# parity: spike_generator — spike_times with spike_weights into iaf_psc_alpha; the alpha currents I_syn_ex/I_syn_in and V_m they cause
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha")
gen = nest.Create("spike_generator", params={
    "spike_times": [2.0, 4.0, 4.1, 10.0, 10.0, 15.3, 20.0],
    "spike_weights": [300.0, 250.0, 250.0, -400.0, 100.0, 800.0, 900.0],
})
mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["V_m", "I_syn_ex", "I_syn_in"]})
sr = nest.Create("spike_recorder")
nest.Connect(gen, neuron, syn_spec={"delay": 1.0, "weight": 2.0})
nest.Connect(mm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(40.0)

response = {"spikes": sr.events, "multimeter": mm.events}
