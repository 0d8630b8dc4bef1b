# parity: spike_recorder — emission times (delays ignored) of several senders, a spike in the very last step of a Simulate call, start/stop windows, n_events
# compare: values rtol=1e-9 atol=1e-9
import nest

nest.ResetKernel()
source = nest.Create("spike_generator", params={"spike_times": [1.0, 4.9, 5.0, 9.9, 10.0, 15.0, 19.8]})
parrots = nest.Create("parrot_neuron", 3)
driven = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})  # fires at 4.8, 9.6, 14.4, ... (case N2)
everything = nest.Create("spike_recorder")
windowed = nest.Create("spike_recorder", params={"start": 5.0, "stop": 15.0})
nest.Connect(source, parrots[0], syn_spec={"delay": 0.1})
nest.Connect(source, parrots[1], syn_spec={"delay": 1.0})
nest.Connect(source, parrots[2], syn_spec={"delay": 3.3})
nest.Connect(parrots + driven, everything, syn_spec={"delay": 5.0})
nest.Connect(parrots + driven, windowed)

counts = []
for duration in [5.0, 5.0, 10.1, 4.9]:
    nest.Simulate(duration)
    counts.append([everything.n_events, windowed.n_events])

response = {"all": everything.events, "windowed": windowed.events, "n_events_after_each_call": counts}
