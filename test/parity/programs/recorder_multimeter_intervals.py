# parity: voltmeter/multimeter intervals across several Simulate calls — samples at k·interval, those in the last min_delay slice only after the next call
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neurons = nest.Create("iaf_psc_alpha", 2, params={"I_e": 400.0})
neurons[1].set({"I_e": 300.0, "tau_m": 15.0})
driver = nest.Create("spike_generator", params={"spike_times": [3.0, 8.0, 8.5]})
vm_fine = nest.Create("voltmeter", params={"interval": 0.3})
vm_coarse = nest.Create("voltmeter", params={"interval": 2.5})
mm = nest.Create("multimeter", params={"interval": 1.0, "record_from": ["V_m", "I_syn_ex"]})
sr = nest.Create("spike_recorder")
# delays 1.5 and 2.0 make min_delay 1.0 (the recorders' default delay), so the last 1 ms of
# every Simulate call holds samples back until the next call.
nest.Connect(driver, neurons, syn_spec={"weight": 500.0, "delay": 1.5})
nest.Connect(neurons[0], neurons[1], syn_spec={"weight": 200.0, "delay": 2.0})
nest.Connect(vm_fine, neurons)
nest.Connect(vm_coarse, neurons[1])
nest.Connect(mm, neurons[0])
nest.Connect(neurons, sr)

counts = []
for duration in [5.0, 0.7, 12.3, 1.0, 21.0]:
    nest.Simulate(duration)
    counts.append([vm_fine.n_events, vm_coarse.n_events, mm.n_events, sr.n_events])

response = {
    "n_events_after_each_call": counts,
    "biological_time": nest.GetKernelStatus("biological_time"),
    "fine": vm_fine.events,
    "coarse": vm_coarse.events,
    "multimeter": mm.events,
    "spikes": sr.events,
}
