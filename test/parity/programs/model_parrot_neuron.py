# parity: parrot_neuron — re-emits every input spike at its arrival time, once per multiplicity; delays add up along a chain
# compare: values rtol=1e-9 atol=1e-9
import nest

nest.ResetKernel()
source = nest.Create("spike_generator", params={
    "spike_times": [1.0, 2.5, 2.6, 7.0, 12.3],
    "spike_multiplicities": [1, 2, 1, 3, 1],
})
first = nest.Create("parrot_neuron")
second = nest.Create("parrot_neuron", 2)
sr = nest.Create("spike_recorder")
nest.Connect(source, first, syn_spec={"delay": 1.0})
nest.Connect(first, second, syn_spec={"delay": 2.5})
nest.Connect(first + second, sr)
nest.Simulate(30.0)

response = {"spikes": sr.events, "n_events": sr.n_events}
