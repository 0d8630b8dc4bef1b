# parity: spikes in flight across Simulate calls — a chain of neurons with long delays gives the same spikes and V_m in one call, in 0.1 ms calls and in uneven calls
# compare: values rtol=1e-6 atol=1e-9
import nest

response = {}
for name, calls in [("one_call", [40.0]), ("steps_of_0.1", [0.1] * 400), ("uneven", [0.3, 2.9, 7.0, 0.1, 11.2, 18.5])]:
    nest.ResetKernel()
    first = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
    chain = nest.Create("iaf_psc_exp", 3)
    nest.Connect(first, chain[0], syn_spec={"weight": 2000.0, "delay": 3.0})
    nest.Connect(chain[0], chain[1], syn_spec={"weight": 2000.0, "delay": 0.4})
    nest.Connect(chain[1], chain[2], syn_spec={"weight": 2000.0, "delay": 6.3})
    vm = nest.Create("voltmeter", params={"interval": 0.1})
    sr = nest.Create("spike_recorder")
    nest.Connect(vm, chain)
    nest.Connect(first + chain, sr)
    for t in calls:
        nest.Simulate(t)
    response[name] = {"spikes": sr.events, "voltmeter": vm.events,
                      "biological_time": nest.GetKernelStatus("biological_time")}
