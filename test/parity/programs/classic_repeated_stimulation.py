# parity: classic example idea — repeated stimulation: a poisson_generator switched on for 50 ms of every 200 ms trial (origin moved each trial) drives parrot neurons; rate in and out of the windows
# compare: stats seeds=20
import nest

SEED = 1

trials = 5
trial_ms = 200.0
stim_start = 50.0                   # within each trial, relative to the trial's origin
stim_stop = 100.0
n = 40

nest.ResetKernel()
nest.rng_seed = SEED
pg = nest.Create("poisson_generator", params={"rate": 100.0, "start": stim_start, "stop": stim_stop})
parrots = nest.Create("parrot_neuron", n)
spikes = nest.Create("spike_recorder")
nest.Connect(pg, parrots)
nest.Connect(parrots, spikes)
for trial in range(trials):
    # start and stop count from origin: moving the origin to the trial's beginning repeats the
    # same stimulus window in every trial.
    pg.origin = nest.biological_time
    nest.Simulate(trial_ms)

times = spikes.events["times"]
# Spikes of step s (window: start < s*h <= stop) are stamped (s+1)*h and reach the parrots
# after the 1 ms delay: window [start + 1.2, stop + 1.1] ms of each trial.
per_trial = [0] * trials
outside = 0
for t in times:
    trial = int(t // trial_ms)
    offset = t - trial * trial_ms
    if stim_start + 1.15 < offset < stim_stop + 1.15:
        per_trial[trial] += 1
    else:
        outside += 1
rates = [c / n / ((stim_stop - stim_start) / 1000.0) for c in per_trial]
m = sum(rates) / trials
response = {
    "rate_in_window_hz": m,
    "rate_first_trial_hz": rates[0],
    "rate_last_trial_hz": rates[-1],
    "spikes_outside_windows": outside,
}
