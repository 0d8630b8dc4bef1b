# parity: reference case N3 — dc (delay 2.0) into iaf_psc_alpha gives the same V_m for min_delay 0.1, 0.2, 0.5, 1.0, 2.0, in one Simulate(10.5) or 21 Simulate(0.5) calls
# compare: values rtol=1e-7 atol=1e-9
import nest

response = {}
for min_delay in [0.1, 0.2, 0.5, 1.0, 2.0]:
    for calls in [1, 21]:
        nest.ResetKernel()
        nest.SetKernelStatus({"resolution": 0.1})
        neuron = nest.Create("iaf_psc_alpha")
        dc = nest.Create("dc_generator", params={"amplitude": 1000.0})
        vm = nest.Create("voltmeter", params={"interval": 0.1})
        sr = nest.Create("spike_recorder")
        nest.Connect(dc, neuron, syn_spec={"delay": 2.0})
        # min_delay is the smallest delay of any connection, recorder connections included
        # (default 1.0): those get 2.0, and a pair of otherwise idle neurons sets min_delay.
        nest.Connect(vm, neuron, syn_spec={"delay": 2.0})
        nest.Connect(neuron, sr, syn_spec={"delay": 2.0})
        a = nest.Create("iaf_psc_alpha")
        b = nest.Create("iaf_psc_alpha")
        nest.Connect(a, b, syn_spec={"delay": min_delay})
        for _ in range(calls):
            nest.Simulate(10.5 / calls)
        key = "min_delay_%g_calls_%d" % (min_delay, calls)
        response[key] = {
            "min_delay": nest.GetKernelStatus("min_delay"),
            "voltmeter": vm.events,
            "spikes": sr.events,
        }
