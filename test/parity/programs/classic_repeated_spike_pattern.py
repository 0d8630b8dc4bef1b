# parity: classic example idea — repeated stimulation with a fixed spike pattern: a spike_generator's origin is moved to the start of each of 4 trials; the neuron's response repeats
# compare: values rtol=1e-6 atol=1e-9
import nest

trial_ms = 40.0
nest.ResetKernel()
pattern = nest.Create("spike_generator", params={"spike_times": [2.0, 3.0, 3.5, 10.0]})
neuron = nest.Create("iaf_psc_alpha")
nest.Connect(pattern, neuron, syn_spec={"weight": 900.0, "delay": 1.0})
vm = nest.Create("voltmeter", params={"interval": 0.5})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
trial_spikes = []
for trial in range(4):
    pattern.origin = nest.biological_time
    before = sr.n_events
    nest.Simulate(trial_ms)
    trial_spikes.append(sr.n_events - before)

response = {"voltmeter": vm.events, "spikes": sr.events, "spikes_per_trial": trial_spikes,
            "origin": pattern.origin}
