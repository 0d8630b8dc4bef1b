# parity: classic example idea — one iaf_psc_alpha with a constant I_e of 376 pA fires regularly; the voltmeter trace (1 ms samples) and spikes over 1 s
# compare: values rtol=1e-6 atol=1e-9
import nest

nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha")
# 376 pA is just above the rheobase of the default neuron ((V_th - E_L) * C_m / tau_m = 375 pA),
# so the neuron fires slowly and regularly.
neuron.I_e = 376.0
voltmeter = nest.Create("voltmeter")
spikes = nest.Create("spike_recorder")
nest.Connect(voltmeter, neuron)
nest.Connect(neuron, spikes)
nest.Simulate(1000.0)

response = {"voltmeter": voltmeter.events, "spikes": spikes.events}
