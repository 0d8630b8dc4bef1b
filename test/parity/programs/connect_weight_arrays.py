# parity: one_to_one and all_to_all with per-connection weight and delay lists — each connection's weight shows as a V_m jump of iaf_psc_delta at its own time
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
kick = nest.Create("spike_generator", params={"spike_times": [1.0]})
sources = nest.Create("parrot_neuron", 3)
nest.Connect(kick, sources)
targets = nest.Create("iaf_psc_delta", 2, params={"V_th": 1000.0})  # never fires: V_m shows every jump
pair_targets = nest.Create("iaf_psc_delta", 3, params={"V_th": 1000.0})

# all_to_all: weight[i][j] belongs to target i and source j (len(post) rows of len(pre)).
nest.Connect(sources, targets, "all_to_all", {
    "weight": [[1.0, 2.0, 3.0], [-4.0, 5.0, -6.0]],
    "delay": [[1.0, 2.0, 3.0], [1.5, 2.5, 3.5]],
})
nest.Connect(sources, pair_targets, "one_to_one", {"weight": [0.5, -1.5, 2.5], "delay": [4.0, 1.2, 2.2]})
vm = nest.Create("voltmeter", params={"interval": 0.1})
nest.Connect(vm, targets + pair_targets)
nest.Simulate(10.0)

response = {"voltmeter": vm.events}
