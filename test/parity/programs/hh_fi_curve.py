# parity: hh_psc_alpha f–I curve: one neuron per dc amplitude, spike counts and rates over 1 s (repetitive firing starts between 600 and 700 pA)
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
nest.resolution = 0.1

amplitudes = [0.0, 300.0, 500.0, 600.0, 700.0, 800.0, 1000.0, 1500.0, 2000.0, 3000.0, 5000.0]
n = len(amplitudes)
neurons = nest.Create("hh_psc_alpha", n)
dcs = nest.Create("dc_generator", n)
dcs.set([{"amplitude": a} for a in amplitudes])
nest.Connect(dcs, neurons, "one_to_one")
spikes = nest.Create("spike_recorder")
nest.Connect(neurons, spikes)

T = 1000.0
nest.Simulate(T)

ev = spikes.get("events")
first = neurons.get("global_id")[0]
counts = [0] * n
first_spike = [-1.0] * n
for s, t in zip(ev["senders"], ev["times"]):
    k = int(s) - first
    if counts[k] == 0:
        first_spike[k] = float(t)
    counts[k] += 1

response = {
    "amplitudes": amplitudes,
    "counts": counts,
    "rates": [1000.0 * c / T for c in counts],
    "first_spike": first_spike,
    "V_m_end": [float(v) for v in neurons.get("V_m")],
}
