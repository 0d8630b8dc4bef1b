# parity: classic example idea — a small Brunel network (400 E + 100 I iaf_psc_delta, fixed_indegree, Poisson drive); mean rates and ISI CV over seeds
# compare: stats seeds=20
import nest

SEED = 1

# A reduced version of Brunel's (2000) sparse network of excitatory and inhibitory
# integrate-and-fire neurons with delta synapses, in the asynchronous irregular regime.
order = 100
n_exc = 4 * order
n_inh = 1 * order
epsilon = 0.2                      # connection probability
c_exc = int(epsilon * n_exc)       # excitatory inputs per neuron
c_inh = int(epsilon * n_inh)       # inhibitory inputs per neuron
j_exc = 0.5                        # mV jump per excitatory spike
g = 6.0                            # relative strength of inhibition
j_inh = -g * j_exc
delay = 1.5
theta = 20.0
tau_m = 20.0
eta = 1.5                          # external rate relative to the threshold rate
nu_threshold = theta / (j_exc * c_exc * tau_m)
external_rate = eta * nu_threshold * 1000.0 * c_exc

nest.ResetKernel()
nest.rng_seed = SEED
neuron_params = {"C_m": 250.0, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0,
                 "V_m": 0.0, "V_th": theta}
exc = nest.Create("iaf_psc_delta", n_exc, params=neuron_params)
inh = nest.Create("iaf_psc_delta", n_inh, params=neuron_params)
everyone = exc + inh
# Start from spread-out membrane potentials (a fixed, seed-independent pattern) so the
# network does not begin with one synchronous volley.
everyone.set(V_m=[theta * ((k * 0.6180339887) % 1.0) for k in range(n_exc + n_inh)])
noise = nest.Create("poisson_generator", params={"rate": external_rate})
spikes = nest.Create("spike_recorder", params={"start": 100.0})

nest.Connect(noise, everyone, syn_spec={"weight": j_exc, "delay": delay})
nest.Connect(exc, everyone, {"rule": "fixed_indegree", "indegree": c_exc},
             {"weight": j_exc, "delay": delay})
nest.Connect(inh, everyone, {"rule": "fixed_indegree", "indegree": c_inh},
             {"weight": j_inh, "delay": delay})
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
    "rate_exc_hz": n_spikes_exc / n_exc / window_s,
    "rate_inh_hz": n_spikes_inh / n_inh / window_s,
    "cv_isi": sum(cvs) / len(cvs) if cvs else 0.0,
}
