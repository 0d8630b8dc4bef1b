# parity: voltmeter start/stop/origin windows and a multimeter offset — which samples are taken, on a neuron driven by I_e
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha", params={"I_e": 450.0})
windowed = nest.Create("voltmeter", params={"interval": 0.5, "start": 2.0, "stop": 6.0, "origin": 1.0})
shifted = nest.Create("multimeter", params={"interval": 1.0, "offset": 0.3, "record_from": ["V_m"]})
plain = nest.Create("voltmeter", params={"interval": 0.1})
nest.Connect(windowed, neuron)
nest.Connect(shifted, neuron)
nest.Connect(plain, neuron)
nest.Simulate(12.0)

response = {"windowed": windowed.events, "offset": shifted.events, "every_step": plain.events}
