# parity: izhikevich with consistent_integration False (the published two half-steps of 0.5 ms form) versus the default, at resolution 1.0 and 0.1
# compare: values rtol=1e-6 atol=1e-9
import nest

response = {}
for resolution in [0.1, 1.0]:
    for consistent in [True, False]:
        nest.ResetKernel()
        nest.resolution = resolution
        neurons = nest.Create("izhikevich", 2, params={"consistent_integration": consistent, "I_e": 8.0})
        neurons[1].set({"a": 0.1, "d": 2.0})
        kicks = nest.Create("spike_generator", params={"spike_times": [30.0, 31.0, 80.0]})
        nest.Connect(kicks, neurons, syn_spec={"weight": 12.0, "delay": 1.0})
        mm = nest.Create("multimeter", params={"interval": 1.0, "record_from": ["V_m", "U_m"]})
        sr = nest.Create("spike_recorder")
        nest.Connect(mm, neurons)
        nest.Connect(neurons, sr)
        nest.Simulate(120.0)
        response["h_%g_consistent_%s" % (resolution, consistent)] = {"multimeter": mm.events, "spikes": sr.events}
