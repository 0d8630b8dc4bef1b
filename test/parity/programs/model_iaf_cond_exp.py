# parity: iaf_cond_exp — excitatory and inhibitory spikes open exponential conductances; V_m, g_ex, g_in under a dc drive
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_cond_exp", params={"I_e": 200.0})
exc = nest.Create("spike_generator", params={"spike_times": [10.0, 12.0, 14.0, 16.0, 18.0, 40.0]})
inh = nest.Create("spike_generator", params={"spike_times": [25.0, 26.0, 60.0]})
dc = nest.Create("dc_generator", params={"amplitude": 150.0, "start": 50.0, "stop": 80.0})
mm = nest.Create("multimeter", params={"interval": 0.5, "record_from": ["V_m", "g_ex", "g_in"]})
sr = nest.Create("spike_recorder")
nest.Connect(exc, neuron, syn_spec={"weight": 30.0, "delay": 1.0})
nest.Connect(inh, neuron, syn_spec={"weight": -40.0, "delay": 1.5})
nest.Connect(dc, neuron)
nest.Connect(mm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(100.0)

response = {"spikes": sr.events, "multimeter": mm.events}
