# parity: classic PyNEST style — a reduced Brunel network (400 E + 100 I iaf_psc_delta) set up with nest.SetDefaults and nest.CopyModel ("excitatory"/"inhibitory" synapses); mean rate and ISI CV over seeds
# compare: stats seeds=15
import nest

SEED = 1

# As brunel_delta_nest.py does it: neuron parameters go into the model defaults, the two
# synapse types are copies of static_synapse, and Connect names them in syn_spec.
order = 100
NE = 4 * order
NI = 1 * order
epsilon = 0.2
CE = int(epsilon * NE)
CI = int(epsilon * NI)
J = 0.5
g = 5.0
J_ex = J
J_in = -g * J_ex
delay = 1.5
theta = 20.0
tauMem = 20.0
eta = 2.0
nu_th = theta / (J * CE * tauMem)
p_rate = 1000.0 * eta * nu_th * CE

nest.ResetKernel()
nest.rng_seed = SEED
neuron_params = {"C_m": 1.0, "tau_m": tauMem, "t_ref": 2.0, "E_L": 0.0, "V_reset": 0.0,
                 "V_m": 0.0, "V_th": theta}
nest.SetDefaults("iaf_psc_delta", neuron_params)
nest.SetDefaults("poisson_generator", {"rate": p_rate})
nodes_ex = nest.Create("iaf_psc_delta", NE)
nodes_in = nest.Create("iaf_psc_delta", NI)
noise = nest.Create("poisson_generator")
espikes = nest.Create("spike_recorder", params={"start": 100.0})
ispikes = nest.Create("spike_recorder", params={"start": 100.0})
# a seed-independent spread of start potentials, so the network does not start in one volley
everyone = nodes_ex + nodes_in
everyone.set(V_m=[theta * ((k * 0.6180339887) % 1.0) for k in range(NE + NI)])

nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})
nest.Connect(noise, nodes_ex, syn_spec="excitatory")
nest.Connect(noise, nodes_in, syn_spec="excitatory")
nest.Connect(nodes_ex, espikes, syn_spec="excitatory")
nest.Connect(nodes_in, ispikes, syn_spec="excitatory")
conn_params_ex = {"rule": "fixed_indegree", "indegree": CE}
nest.Connect(nodes_ex, nodes_ex + nodes_in, conn_params_ex, "excitatory")
conn_params_in = {"rule": "fixed_indegree", "indegree": CI}
nest.Connect(nodes_in, nodes_ex + nodes_in, conn_params_in, {"synapse_model": "inhibitory"})
nest.Simulate(400.0)

window_s = 0.3
rate_ex = espikes.n_events / window_s / NE
rate_in = ispikes.n_events / window_s / NI
trains = {}
for rec in (espikes, ispikes):
    for t, s in zip(rec.events["times"], rec.events["senders"]):
        trains.setdefault(int(s), []).append(float(t))
cvs = []
for train in trains.values():
    isis = [b - a for a, b in zip(train, train[1:])]
    if len(isis) >= 3:
        m = sum(isis) / len(isis)
        sd = (sum((x - m) ** 2 for x in isis) / (len(isis) - 1)) ** 0.5
        cvs.append(sd / m)
n_inhibitory = len(nest.GetConnections(synapse_model="inhibitory"))
response = {
    "rate_ex": rate_ex,
    "rate_in": rate_in,
    "cv_isi": sum(cvs) / len(cvs) if cvs else 0.0,
    "inhibitory_per_neuron": n_inhibitory / (NE + NI),
}
