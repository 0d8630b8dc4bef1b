# parity: classic example idea — balanced input: Poisson excitation and inhibition onto iaf_psc_alpha neurons; output rate and mean V_m for three fixed inhibitory rates
# compare: stats seeds=20
import nest

SEED = 1

# One neuron receives the pooled spikes of many excitatory and inhibitory cells, modelled as
# one Poisson generator each (the sum of independent Poisson trains is Poisson). More
# inhibition lowers the output rate; the learner's exercise is to find the inhibitory rate that
# gives a target rate. Here three inhibitory rates are fixed, with 30 independent copies of the
# neuron each (a poisson_generator draws a separate train for every target).
excitatory_cells = 16000
inhibitory_cells = 4000
exc_rate = 5.0                      # spikes/s of one excitatory cell
inh_rates = [19.5, 20.0, 20.5]    # spikes/s of one inhibitory cell, one group each
epsc = 45.0
ipsc = -45.0
copies = 30

nest.ResetKernel()
nest.rng_seed = SEED
exc_noise = nest.Create("poisson_generator", params={"rate": excitatory_cells * exc_rate})
groups = []
for rate in inh_rates:
    neurons = nest.Create("iaf_psc_alpha", copies)
    inh_noise = nest.Create("poisson_generator", params={"rate": inhibitory_cells * rate})
    nest.Connect(exc_noise, neurons, syn_spec={"weight": epsc, "delay": 1.0})
    nest.Connect(inh_noise, neurons, syn_spec={"weight": ipsc, "delay": 1.0})
    spikes = nest.Create("spike_recorder")
    nest.Connect(neurons, spikes)
    groups.append((neurons, spikes))
vm = nest.Create("voltmeter", params={"interval": 5.0})
nest.Connect(vm, groups[1][0])
nest.Simulate(1000.0)

response = {}
for rate, (neurons, spikes) in zip(inh_rates, groups):
    response["rate_hz_at_inh_%g" % rate] = spikes.n_events / copies / 1.0
v = vm.events["V_m"]
response["mean_V_m_at_inh_%g" % inh_rates[1]] = sum(v) / len(v)
