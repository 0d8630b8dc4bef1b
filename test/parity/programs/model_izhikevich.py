# parity: izhikevich — regular spiking under I_e and a chattering cell driven by spikes; V_m and U_m, spikes with reset to c and U += d
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
regular = nest.Create("izhikevich", params={"I_e": 10.0})
chattering = nest.Create("izhikevich", params={"a": 0.02, "b": 0.2, "c": -50.0, "d": 2.0, "I_e": 5.0})
kicks = nest.Create("spike_generator", params={"spike_times": [20.0, 20.5, 21.0, 60.0]})
mm = nest.Create("multimeter", params={"interval": 0.5, "record_from": ["V_m", "U_m"]})
sr = nest.Create("spike_recorder")
nest.Connect(kicks, chattering, syn_spec={"weight": 15.0})
nest.Connect(mm, regular + chattering)
nest.Connect(regular + chattering, sr)
nest.Simulate(150.0)

response = {"spikes": sr.events, "multimeter": mm.events}
