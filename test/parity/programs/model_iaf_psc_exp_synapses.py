# parity: iaf_psc_exp — excitatory and inhibitory spikes as current jumps decaying with their own tau_syn; V_m, I_syn_ex, I_syn_in and spikes
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_exp", params={"tau_syn_ex": 1.5, "tau_syn_in": 6.0, "I_e": 200.0, "t_ref": 3.0})
exc = nest.Create("spike_generator", params={"spike_times": [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 30.0, 30.1]})
inh = nest.Create("spike_generator", params={"spike_times": [15.0, 16.0, 40.0]})
mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["V_m", "I_syn_ex", "I_syn_in"]})
sr = nest.Create("spike_recorder")
nest.Connect(exc, neuron, syn_spec={"weight": 900.0, "delay": 1.0})
nest.Connect(inh, neuron, syn_spec={"weight": -600.0, "delay": 2.0})
nest.Connect(mm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(60.0)

response = {"spikes": sr.events, "multimeter": mm.events}
