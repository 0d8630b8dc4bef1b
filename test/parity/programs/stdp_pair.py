# parity: stdp_synapse (NEST's default STDP rule): spike pairs at several dt, delays and parameters between parrot_neurons, and into an iaf_psc_alpha; final weights via GetConnections
# compare: values rtol=1e-9 atol=1e-12
import nest

nest.ResetKernel()

# Each case: a presynaptic and a postsynaptic spike train (ms), the connection's delay and
# extra stdp_synapse parameters. The trains are fed through parrot_neurons, so the spikes
# arrive at the synapse exactly at those times plus 1 ms (the generator -> parrot delay).
cases = [
    ([10.0, 60.0], [15.0], 1.0, {}),                       # pre before post: potentiation
    ([10.0, 60.0], [5.0], 1.0, {}),                        # post before pre: depression
    ([10.0, 30.0, 50.0, 70.0], [12.0, 32.0, 52.0, 72.0], 1.0, {}),
    ([12.0, 32.0, 52.0, 72.0], [10.0, 30.0, 50.0, 70.0], 2.0, {}),
    ([20.0, 40.0, 60.0], [22.0, 38.0, 61.0, 63.0], 1.0, {"mu_plus": 0.0, "mu_minus": 0.0}),
    ([20.0, 40.0, 60.0], [22.0, 38.0, 61.0, 63.0], 1.5, {"alpha": 2.0, "tau_plus": 10.0}),
    ([20.0, 40.0, 60.0, 80.0], [19.0, 41.0, 59.0, 81.0], 1.0, {"Wmax": 10.0, "weight": 9.0}),
]

posts = []
for pre_times, post_times, delay, extra in cases:
    sg_pre = nest.Create("spike_generator", params={"spike_times": pre_times})
    sg_post = nest.Create("spike_generator", params={"spike_times": post_times})
    pre = nest.Create("parrot_neuron")
    post = nest.Create("parrot_neuron")
    nest.Connect(sg_pre, pre)
    nest.Connect(sg_post, post)
    syn = {"synapse_model": "stdp_synapse", "weight": 5.0, "lambda": 0.1, "delay": delay,
           "receptor_type": 1}   # a parrot's port 1: the spike changes the weight but is not repeated
    syn.update(extra)
    nest.Connect(pre, post, syn_spec=syn)
    posts.append(post)

# A neuron as the postsynaptic side: made to fire by a strong input, its tau_minus set.
drive = nest.Create("spike_generator", params={"spike_times": [14.0, 34.0, 48.0, 70.0]})
pre_times = nest.Create("spike_generator", params={"spike_times": [10.0, 30.0, 50.0, 80.0, 100.0]})
pre = nest.Create("parrot_neuron")
neuron = nest.Create("iaf_psc_alpha", params={"tau_minus": 30.0})
nest.Connect(drive, neuron, syn_spec={"weight": 5000.0})
nest.Connect(pre_times, pre)
nest.Connect(pre, neuron, syn_spec={"synapse_model": "stdp_synapse", "weight": 20.0, "lambda": 0.05})

sr = nest.Create("spike_recorder")
nest.Connect(neuron, sr)

nest.Simulate(60.0)
halfway = nest.GetConnections(synapse_model="stdp_synapse").get("weight")
nest.Simulate(90.0)
conns = nest.GetConnections(synapse_model="stdp_synapse")

response = {
    "weights_at_60": halfway,
    "weights": conns.get("weight"),
    "sources": conns.get("source"),
    "targets": conns.get("target"),
    "Kplus": conns.get("Kplus"),
    "neuron_spikes": sr.events,
}
