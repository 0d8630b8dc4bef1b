# parity: iaf_cond_alpha — alpha-shaped conductances from excitatory and inhibitory spikes; V_m, g_ex, g_in and the spikes they cause
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_cond_alpha", params={"I_e": 150.0})
exc = nest.Create("spike_generator", params={"spike_times": [5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 45.0]})
inh = nest.Create("spike_generator", params={"spike_times": [20.0, 21.0, 70.0]})
mm = nest.Create("multimeter", params={"interval": 0.2, "record_from": ["V_m", "g_ex", "g_in"]})
sr = nest.Create("spike_recorder")
nest.Connect(exc, neuron, syn_spec={"weight": 40.0, "delay": 1.0})
nest.Connect(inh, neuron, syn_spec={"weight": -20.0, "delay": 1.0})
nest.Connect(mm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(100.0)

response = {"spikes": sr.events, "multimeter": mm.events}
