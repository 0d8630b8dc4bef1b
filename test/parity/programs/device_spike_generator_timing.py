# parity: spike_generator timing options — origin/start/stop windows, allow_offgrid_times (moved to the end of their step), spikes on and just off the grid
# compare: values rtol=1e-9 atol=1e-9
import nest

nest.ResetKernel()
windowed = nest.Create("spike_generator", params={
    "spike_times": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "origin": 2.0, "start": 1.0, "stop": 3.5,
})
offgrid = nest.Create("spike_generator", params={
    "spike_times": [1.03, 2.05, 2.1, 3.0999], "allow_offgrid_times": True,
})
# Within half a tic of the grid: rounded onto it without allow_offgrid_times.
nearly = nest.Create("spike_generator", params={"spike_times": [1.0000001, 2.9999999]})
parrots = nest.Create("parrot_neuron", 3)
sr = nest.Create("spike_recorder")
nest.Connect(windowed, parrots[0])
nest.Connect(offgrid, parrots[1])
nest.Connect(nearly, parrots[2])
nest.Connect(parrots, sr)
nest.Simulate(12.0)

response = {"spikes": sr.events}
