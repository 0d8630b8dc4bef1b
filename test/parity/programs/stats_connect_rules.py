# parity: random connection rules (pairwise_bernoulli, fixed_indegree, fixed_outdegree, fixed_total_number, autapses/multapses off) — in-degrees read through parrot neurons, mean and spread over seeds
# compare: stats seeds=20
import nest

SEED = 1

# Every source parrot fires exactly once; a target parrot re-emits each spike it receives, so its
# spike count is its in-degree (multapses counted). No connection needs to be read back.
n_pre = 40
n_post = 60

rules = {
    "bernoulli": {"rule": "pairwise_bernoulli", "p": 0.2},
    "indegree": {"rule": "fixed_indegree", "indegree": 7},
    "outdegree": {"rule": "fixed_outdegree", "outdegree": 9},
    "total": {"rule": "fixed_total_number", "N": 500},
    "outdegree_no_multapses": {"rule": "fixed_outdegree", "outdegree": 9, "allow_multapses": False},
}

nest.ResetKernel()
nest.rng_seed = SEED
kick = nest.Create("spike_generator", params={"spike_times": [1.0]})
recorders = {}
for name, conn_spec in rules.items():
    pre = nest.Create("parrot_neuron", n_pre)
    post = nest.Create("parrot_neuron", n_post)
    nest.Connect(kick, pre)
    nest.Connect(pre, post, conn_spec)
    sr = nest.Create("spike_recorder")
    nest.Connect(post, sr)
    recorders[name] = (post, sr)

# Autapses: a population connected to itself; with allow_autapses False no parrot hears itself.
self_pop = nest.Create("parrot_neuron", n_pre)
nest.Connect(kick, self_pop)
nest.Connect(self_pop, self_pop, {"rule": "pairwise_bernoulli", "p": 0.3, "allow_autapses": False},
             {"delay": 2.0})
self_sr = nest.Create("spike_recorder")
nest.Connect(self_pop, self_sr)
nest.Simulate(5.0)  # ends before the first echo (4.0) can echo again (6.0)

response = {}
for name, (post, sr) in recorders.items():
    ids = post.tolist()
    counts = {g: 0 for g in ids}
    for s in sr.events["senders"]:
        counts[s] += 1
    degrees = [counts[g] for g in ids]
    m = sum(degrees) / n_post
    response[name + "_mean_indegree"] = m
    response[name + "_var_indegree"] = sum((d - m) ** 2 for d in degrees) / (n_post - 1)
# Each self_pop parrot fires once for the kick (at 2.0) and then once per incoming
# connection (at 4.0): the second kind counts the recurrent connections.
recurrent = sum(1 for t in self_sr.events["times"] if t > 3.0)
response["self_connections_mean"] = recurrent / n_pre
