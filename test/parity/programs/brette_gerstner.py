# parity: aeif_cond_alpha in NEST's Brette–Gerstner example (Fig. 2C): two dc steps, V_m and the adaptation current w
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
nest.resolution = 0.1

neuron = nest.Create("aeif_cond_alpha")
neuron.set(a=4.0, b=80.5)

# 500 pA for the first 200 ms, then 800 pA from 500 ms on
dc = nest.Create("dc_generator", 2)
dc.set(amplitude=[500.0, 800.0], start=[0.0, 500.0], stop=[200.0, 1000.0])
nest.Connect(dc, neuron, "all_to_all")

meter = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["V_m", "w"]})
nest.Connect(meter, neuron)
spikes = nest.Create("spike_recorder")
nest.Connect(neuron, spikes)

nest.Simulate(1000.0)

ev = meter.get("events")
response = {
    "V_m": [float(v) for v in ev["V_m"]],
    "w": [float(v) for v in ev["w"]],
    "times": [float(t) for t in ev["times"]],
    "spike_times": [float(t) for t in spikes.get("events")["times"]],
    "final_w": float(neuron.get("w")),
}
