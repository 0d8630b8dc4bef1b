# parity: nest.random parameters as connection weights and delays (uniform, normal, lognormal, exponential, arithmetic) and as initial V_m; their means and variances read back with GetConnections
# compare: stats seeds=20
import nest

SEED = 1

nest.ResetKernel()
nest.rng_seed = SEED

n = 30


def moments(values):
    m = sum(values) / len(values)
    return m, sum((x - m) ** 2 for x in values) / (len(values) - 1)


response = {}
specs = {
    "uniform": nest.random.uniform(2.0, 5.0),
    "normal": nest.random.normal(1.0, 2.0),
    "lognormal": nest.random.lognormal(0.5, 0.4),
    "exponential": nest.random.exponential(2.0),
    "scaled": nest.random.uniform(0.0, 1.0) * 4.0 - 1.0,
}
for name, weight in specs.items():
    nest.ResetKernel()
    nest.rng_seed = SEED
    pre = nest.Create("iaf_psc_alpha", n)
    post = nest.Create("iaf_psc_alpha", n)
    nest.Connect(pre, post, syn_spec={"weight": weight, "delay": nest.random.uniform(0.5, 2.5)})
    conns = nest.GetConnections()
    response[name + "_mean"], response[name + "_var"] = moments(conns.get("weight"))
    if name == "uniform":
        response["delay_mean"], response["delay_var"] = moments(conns.get("delay"))

# one rule with a fixed in-degree too, and node parameters drawn at Create
nest.ResetKernel()
nest.rng_seed = SEED
neurons = nest.Create("iaf_psc_alpha", 200, params={"V_m": nest.random.uniform(-70.0, -55.0)})
nest.Connect(neurons, neurons, {"rule": "fixed_indegree", "indegree": 5}, {"weight": nest.random.normal(-1.0, 0.5)})
response["indegree_weight_mean"], response["indegree_weight_var"] = moments(nest.GetConnections().get("weight"))
response["V_m_mean"], response["V_m_var"] = moments(list(neurons.get("V_m")))
