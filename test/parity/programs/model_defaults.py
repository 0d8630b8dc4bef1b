# parity: default parameters and initial state of every local neuron model and device, read with get() right after Create
# compare: values rtol=1e-9 atol=1e-12
import nest

keys = {
    "iaf_psc_alpha": ["C_m", "tau_m", "t_ref", "E_L", "V_reset", "V_th", "I_e", "V_m", "tau_syn_ex", "tau_syn_in", "V_min"],
    "iaf_psc_exp": ["C_m", "tau_m", "t_ref", "E_L", "V_reset", "V_th", "I_e", "V_m", "tau_syn_ex", "tau_syn_in", "delta", "rho"],
    "iaf_psc_delta": ["C_m", "tau_m", "t_ref", "E_L", "V_reset", "V_th", "I_e", "V_m", "refractory_input", "V_min"],
    "iaf_cond_exp": ["C_m", "g_L", "t_ref", "E_L", "E_ex", "E_in", "V_reset", "V_th", "I_e", "V_m", "tau_syn_ex", "tau_syn_in", "g_ex", "g_in"],
    "iaf_cond_alpha": ["C_m", "g_L", "t_ref", "E_L", "E_ex", "E_in", "V_reset", "V_th", "I_e", "V_m", "tau_syn_ex", "tau_syn_in", "g_ex", "g_in"],
    "izhikevich": ["a", "b", "c", "d", "V_th", "V_m", "U_m", "I_e", "V_min", "consistent_integration"],
    "dc_generator": ["amplitude", "start", "stop", "origin"],
    "ac_generator": ["amplitude", "offset", "frequency", "phase", "start", "stop", "origin"],
    "step_current_generator": ["amplitude_times", "amplitude_values", "allow_offgrid_times", "start", "stop", "origin"],
    "poisson_generator": ["rate", "start", "stop", "origin"],
    "spike_generator": ["spike_times", "spike_weights", "spike_multiplicities", "precise_times",
                        "allow_offgrid_times", "shift_now_spikes", "start", "stop", "origin"],
    "spike_recorder": ["start", "stop", "origin", "n_events"],
    "voltmeter": ["interval", "offset", "record_from", "start", "stop", "origin", "n_events"],
    "multimeter": ["interval", "offset", "record_from", "start", "stop", "origin", "n_events"],
}

nest.ResetKernel()
response = {}
for model, names in keys.items():
    node = nest.Create(model)
    values = node.get(names)
    # get(list) answers a dict; lists (spike_times, record_from, ...) come back as tuples or arrays.
    response[model] = {k: (list(v) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") else v)
                       for k, v in values.items()}
response["kernel"] = {k: nest.GetKernelStatus(k) for k in ["resolution", "min_delay", "max_delay", "biological_time", "rng_seed", "network_size"]}
