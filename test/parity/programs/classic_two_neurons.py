# parity: classic example idea — a driven neuron excites a second one through a weighted connection; both membrane traces and spikes, for three weights
# compare: values rtol=1e-6 atol=1e-9
import nest

response = {}
for weight in [20.0, 200.0, 1000.0]:
    nest.ResetKernel()
    driver = nest.Create("iaf_psc_alpha", params={"I_e": 376.0})
    follower = nest.Create("iaf_psc_alpha", params={"I_e": 300.0})
    nest.Connect(driver, follower, syn_spec={"weight": weight, "delay": 1.0})
    vm = nest.Create("voltmeter", params={"interval": 0.5})
    spikes = nest.Create("spike_recorder")
    nest.Connect(vm, driver + follower)
    nest.Connect(driver + follower, spikes)
    nest.Simulate(300.0)
    response["weight_%g" % weight] = {"voltmeter": vm.events, "spikes": spikes.events}
