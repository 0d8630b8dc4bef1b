# parity: spike_generator with shift_now_spikes — a spike time of 0 (now) is accepted and moved to the next step
# compare: values rtol=1e-9 atol=1e-9
import nest

nest.ResetKernel()
gen = nest.Create("spike_generator", params={"spike_times": [0.0, 1.0, 2.5], "shift_now_spikes": True})
parrot = nest.Create("parrot_neuron")
sr = nest.Create("spike_recorder")
nest.Connect(gen, parrot)
nest.Connect(parrot, sr)
nest.Simulate(5.0)

response = {"spikes": sr.events}
