# parity: noise_generator into iaf_psc_alpha (each neuron its own noise current): mean and variance of V_m below threshold, and the firing rate of neurons it drives above threshold
# compare: stats seeds=20
import nest

SEED = 1

nest.ResetKernel()
nest.rng_seed = SEED

n = 40
quiet = nest.Create("iaf_psc_alpha", n, params={"V_th": 1000.0})  # never fires: pure V_m statistics
firing = nest.Create("iaf_psc_alpha", n)
noise_quiet = nest.Create("noise_generator", params={"mean": 80.0, "std": 120.0})  # dt 1 ms
noise_firing = nest.Create("noise_generator", params={"mean": 350.0, "std": 200.0, "dt": 0.5})
vm = nest.Create("voltmeter", params={"interval": 1.0})
sr = nest.Create("spike_recorder")
nest.Connect(noise_quiet, quiet)
nest.Connect(noise_firing, firing)
nest.Connect(vm, quiet)
nest.Connect(firing, sr)

t_sim, t_from = 1000.0, 50.0
nest.Simulate(t_sim)

per = {}
ev = vm.events
for s, t, v in zip(ev["senders"], ev["times"], ev["V_m"]):
    if t > t_from:
        per.setdefault(int(s), []).append(v)
means, variances = [], []
for values in per.values():
    m = sum(values) / len(values)
    means.append(m)
    variances.append(sum((x - m) ** 2 for x in values) / (len(values) - 1))

spikes = sum(1 for t in sr.events["times"] if t > t_from)
response = {
    "mean_V": sum(means) / len(means),
    "var_V": sum(variances) / len(variances),
    "rate": spikes / n / ((t_sim - t_from) / 1000.0),
}
