# parity: poisson_generator — independent trains per target, windowed by start/stop; mean rate, Fano factor and ISI CV of 50 parrot neurons, no spike outside the window
# compare: stats seeds=20
import nest

SEED = 1

nest.ResetKernel()
nest.rng_seed = SEED
n = 50
pg = nest.Create("poisson_generator", params={"rate": 40.0, "start": 100.0, "stop": 900.0})
parrots = nest.Create("parrot_neuron", n)
sr = nest.Create("spike_recorder")
nest.Connect(pg, parrots)
nest.Connect(parrots, sr)
nest.Simulate(1000.0)

times = sr.events["times"]
senders = sr.events["senders"]
trains = {}
for t, s in zip(times, senders):
    trains.setdefault(s, []).append(t)
counts = [len(trains.get(g, [])) for g in parrots.tolist()]
mean_count = sum(counts) / n
var_count = sum((c - mean_count) ** 2 for c in counts) / (n - 1)
cvs = []
for train in trains.values():
    isis = [b - a for a, b in zip(train, train[1:])]
    if len(isis) >= 2:
        m = sum(isis) / len(isis)
        sd = (sum((x - m) ** 2 for x in isis) / (len(isis) - 1)) ** 0.5
        cvs.append(sd / m)
# Active steps s have start < s·h <= stop and stamp (s+1)·h; the parrots add the 1 ms delay:
# every spike lies in (101.1, 901.1] ms, so this count is 0 on a correct engine.
outside = sum(1 for t in times if t < 101.15 or t > 901.15)
response = {
    "rate_hz": mean_count / 0.8,
    "fano": var_count / mean_count,
    "cv_isi": sum(cvs) / len(cvs),
    "spikes_outside_window": outside,
}
