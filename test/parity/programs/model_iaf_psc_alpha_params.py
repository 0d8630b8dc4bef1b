# parity: iaf_psc_alpha with non-default parameters (C_m, tau_m, tau_syn_ex/in, t_ref, V_reset, V_th, E_L, V_m) under spikes and I_e
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
params = {"C_m": 180.0, "tau_m": 14.0, "tau_syn_ex": 0.8, "tau_syn_in": 4.0, "t_ref": 4.5,
          "E_L": -65.0, "V_reset": -72.0, "V_th": -52.0, "V_m": -60.0, "I_e": 210.0}
neurons = nest.Create("iaf_psc_alpha", 2, params=params)
# The second neuron has tau_syn_ex = tau_m: the propagators' degenerate case.
neurons[1].set({"tau_syn_ex": 14.0})
exc = nest.Create("spike_generator", params={"spike_times": [3.0, 3.5, 4.0, 20.0, 21.0, 22.0, 23.0]})
inh = nest.Create("spike_generator", params={"spike_times": [10.0, 35.0]})
mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["V_m", "I_syn_ex", "I_syn_in"]})
sr = nest.Create("spike_recorder")
nest.Connect(exc, neurons, syn_spec={"weight": 350.0, "delay": 0.5})
nest.Connect(inh, neurons, syn_spec={"weight": -500.0, "delay": 1.2})
nest.Connect(mm, neurons)
nest.Connect(neurons, sr)
nest.Simulate(60.0)

response = {"spikes": sr.events, "multimeter": mm.events}
