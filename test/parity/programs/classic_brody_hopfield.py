# parity: classic example idea (Brody & Hopfield) — 40 iaf_psc_alpha neurons with graded bias currents share one sinusoidal drive; their spikes lock to its phase
# compare: values rtol=1e-9 atol=1e-9
import nest

n = 40
nest.ResetKernel()
neurons = nest.Create("iaf_psc_alpha", n, params={"tau_m": 20.0, "V_reset": -70.0, "t_ref": 2.0})
# Bias currents from below to well above the rheobase, (V_th - E_L)·C_m/tau_m = 187.5 pA here.
neurons.set(I_e=[150.0 + 3.0 * k for k in range(n)])
drive = nest.Create("ac_generator", params={"amplitude": 50.0, "frequency": 35.0})
nest.Connect(drive, neurons)
sr = nest.Create("spike_recorder")
nest.Connect(neurons, sr)
nest.Simulate(600.0)

counts = [0] * n
first = neurons.tolist()[0]
for s in sr.events["senders"]:
    counts[s - first] += 1
response = {"spikes": sr.events, "counts": counts}
