# parity: ResetKernel — a second network after a reset starts from time 0 with fresh ids, defaults and resolution
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.2})
first = nest.Create("iaf_psc_alpha", 3, params={"I_e": 500.0})
sr = nest.Create("spike_recorder")
nest.Connect(first, sr)
nest.Simulate(50.0)
before = {
    "spikes": sr.events,
    "biological_time": nest.GetKernelStatus("biological_time"),
    "resolution": nest.GetKernelStatus("resolution"),
    "network_size": nest.GetKernelStatus("network_size"),
}

nest.ResetKernel()
second = nest.Create("iaf_psc_exp", params={"I_e": 450.0})
vm = nest.Create("voltmeter")
sr2 = nest.Create("spike_recorder")
nest.Connect(vm, second)
nest.Connect(second, sr2)
nest.Simulate(60.0)
after = {
    "ids": second.tolist() + vm.tolist() + sr2.tolist(),
    "spikes": sr2.events,
    "voltmeter": vm.events,
    "biological_time": nest.GetKernelStatus("biological_time"),
    "resolution": nest.GetKernelStatus("resolution"),
    "network_size": nest.GetKernelStatus("network_size"),
}

response = {"before": before, "after": after}
