# parity: classic example idea — a small Brunel network of iaf_psc_alpha (current amplitudes scaled to a 0.5 mV PSP), fixed_indegree, Poisson drive; rates and ISI CV over seeds
# compare: stats seeds=15
import math

import nest

SEED = 1

# The delta-synapse network of classic_brunel_delta_small with alpha-shaped currents instead:
# each weight is the current amplitude (pA) whose postsynaptic potential peaks at j_exc mV.
order = 100
n_exc = 4 * order
n_inh = 1 * order
epsilon = 0.2
c_exc = int(epsilon * n_exc)
c_inh = int(epsilon * n_inh)
j_exc = 0.5                        # PSP peak (mV) of one excitatory spike
g = 6.0
delay = 1.5
theta = 20.0
tau_m = 20.0
tau_syn = 0.5
c_m = 250.0
eta = 1.5
nu_threshold = theta / (j_exc * c_exc * tau_m)
external_rate = eta * nu_threshold * 1000.0 * c_exc


def psp_of_unit_current(t):
    """V(t) in mV after an alpha current of peak 1 pA at t = 0 (closed form of the leaky integral)."""
    a = 1.0 / tau_syn - 1.0 / tau_m
    return (math.e / (tau_syn * c_m)) * math.exp(-t / tau_m) * (1.0 - math.exp(-a * t) * (1.0 + a * t)) / (a * a)


# Peak of the PSP: a coarse scan, then a golden-section search around the best point.
best = max((k * 0.01 for k in range(1, 5000)), key=psp_of_unit_current)
lo, hi = best - 0.01, best + 0.01
for _ in range(60):
    m1 = hi - (hi - lo) * 0.618
    m2 = lo + (hi - lo) * 0.618
    if psp_of_unit_current(m1) < psp_of_unit_current(m2):
        lo = m1
    else:
        hi = m2
psp_peak_per_pa = psp_of_unit_current((lo + hi) / 2)
w_exc = j_exc / psp_peak_per_pa
w_inh = -g * w_exc

nest.ResetKernel()
nest.rng_seed = SEED
neuron_params = {"C_m": c_m, "tau_m": tau_m, "tau_syn_ex": tau_syn, "tau_syn_in": tau_syn,
                 "t_ref": 2.0, "E_L": 0.0, "V_reset": 0.0, "V_m": 0.0, "V_th": theta}
exc = nest.Create("iaf_psc_alpha", n_exc, params=neuron_params)
inh = nest.Create("iaf_psc_alpha", n_inh, params=neuron_params)
everyone = exc + inh
everyone.set(V_m=[theta * ((k * 0.6180339887) % 1.0) for k in range(n_exc + n_inh)])
noise = nest.Create("poisson_generator", params={"rate": external_rate})
spikes = nest.Create("spike_recorder", params={"start": 100.0})

nest.Connect(noise, everyone, syn_spec={"weight": w_exc, "delay": delay})
nest.Connect(exc, everyone, {"rule": "fixed_indegree", "indegree": c_exc},
             {"weight": w_exc, "delay": delay})
nest.Connect(inh, everyone, {"rule": "fixed_indegree", "indegree": c_inh},
             {"weight": w_inh, "delay": delay})
nest.Connect(everyone, spikes)
nest.Simulate(400.0)

window_s = 0.3
first_inh = inh.tolist()[0]
trains = {}
for t, s in zip(spikes.events["times"], spikes.events["senders"]):
    trains.setdefault(s, []).append(t)
n_spikes_exc = sum(len(v) for s, v in trains.items() if s < first_inh)
n_spikes_inh = sum(len(v) for s, v in trains.items() if s >= first_inh)
cvs = []
for train in trains.values():
    isis = [b - a for a, b in zip(train, train[1:])]
    if len(isis) >= 3:
        m = sum(isis) / len(isis)
        sd = (sum((x - m) ** 2 for x in isis) / (len(isis) - 1)) ** 0.5
        cvs.append(sd / m)

response = {
    "weight_exc_pa": w_exc,
    "rate_exc_hz": n_spikes_exc / n_exc / window_s,
    "rate_inh_hz": n_spikes_inh / n_inh / window_s,
    "cv_isi": sum(cvs) / len(cvs) if cvs else 0.0,
}
