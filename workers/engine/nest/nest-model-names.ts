/**
 * Every model name real NEST 3.10.0 knows, as data. These are facts about NEST, not about the
 * local engine: they let an unknown name be told apart from a real NEST model the local engine
 * does not implement (yet), so a learner hears "run it on NEST Server" instead of "no such model".
 *
 * Source: real NEST 3.10.0 (nest-simulator from PyPI, /work/main/.venv/bin/python):
 *   import nest; list(nest.node_models); list(nest.synapse_models)
 * (106 node models, 77 synapse models; NEST's own order.) Regenerate the same way
 * when moving to another NEST version.
 */

/** nest.node_models of NEST 3.10.0: neurons, generators, recorders, ... */
export const NEST_NODE_MODEL_NAMES: readonly string[] = [
  'ac_generator', 'aeif_cond_alpha', 'aeif_cond_alpha_astro', 'aeif_cond_alpha_multisynapse',
  'aeif_cond_beta_multisynapse', 'aeif_cond_exp', 'aeif_psc_alpha', 'aeif_psc_delta',
  'aeif_psc_delta_clopath', 'aeif_psc_exp', 'amat2_psc_exp', 'astrocyte_lr_1994', 'cm_default',
  'correlation_detector', 'correlomatrix_detector', 'correlospinmatrix_detector',
  'dc_generator', 'eprop_iaf', 'eprop_iaf_adapt', 'eprop_iaf_adapt_bsshslm_2020',
  'eprop_iaf_bsshslm_2020', 'eprop_iaf_psc_delta', 'eprop_iaf_psc_delta_adapt', 'eprop_readout',
  'eprop_readout_bsshslm_2020', 'erfc_neuron', 'gamma_sup_generator', 'gauss_rate_ipn',
  'gif_cond_exp', 'gif_cond_exp_multisynapse', 'gif_pop_psc_exp', 'gif_psc_exp',
  'gif_psc_exp_multisynapse', 'ginzburg_neuron', 'glif_cond', 'glif_psc',
  'glif_psc_double_alpha', 'hh_cond_beta_gap_traub', 'hh_cond_exp_traub', 'hh_psc_alpha',
  'hh_psc_alpha_clopath', 'hh_psc_alpha_gap', 'ht_neuron', 'iaf_bw_2001', 'iaf_bw_2001_exact',
  'iaf_chs_2007', 'iaf_chxk_2008', 'iaf_cond_alpha', 'iaf_cond_alpha_mc', 'iaf_cond_beta',
  'iaf_cond_exp', 'iaf_cond_exp_sfa_rr', 'iaf_psc_alpha', 'iaf_psc_alpha_multisynapse',
  'iaf_psc_alpha_ps', 'iaf_psc_delta', 'iaf_psc_delta_ps', 'iaf_psc_exp', 'iaf_psc_exp_htum',
  'iaf_psc_exp_multisynapse', 'iaf_psc_exp_ps', 'iaf_psc_exp_ps_lossless', 'iaf_tum_2000',
  'ignore_and_fire', 'inhomogeneous_poisson_generator', 'izhikevich', 'lin_rate_ipn',
  'lin_rate_opn', 'mat2_psc_exp', 'mcculloch_pitts_neuron', 'mip_generator', 'multimeter',
  'noise_generator', 'parrot_neuron', 'parrot_neuron_ps', 'poisson_generator',
  'poisson_generator_ps', 'pp_cond_exp_mc_urbanczik', 'pp_psc_delta', 'ppd_sup_generator',
  'pulsepacket_generator', 'rate_transformer_gauss', 'rate_transformer_lin',
  'rate_transformer_sigmoid', 'rate_transformer_sigmoid_gg_1998', 'rate_transformer_tanh',
  'rate_transformer_threshold_lin', 'siegert_neuron', 'sigmoid_rate_gg_1998_ipn',
  'sigmoid_rate_ipn', 'sinusoidal_gamma_generator', 'sinusoidal_poisson_generator',
  'spike_dilutor', 'spike_generator', 'spike_recorder', 'spike_train_injector', 'spin_detector',
  'step_current_generator', 'step_rate_generator', 'tanh_rate_ipn', 'tanh_rate_opn',
  'threshold_lin_rate_ipn', 'threshold_lin_rate_opn', 'voltmeter', 'volume_transmitter',
  'weight_recorder'
];

/** nest.synapse_models of NEST 3.10.0. */
export const NEST_SYNAPSE_MODEL_NAMES: readonly string[] = [
  'bernoulli_synapse', 'bernoulli_synapse_hpc', 'bernoulli_synapse_lbl', 'clopath_synapse',
  'clopath_synapse_hpc', 'clopath_synapse_lbl', 'cont_delay_synapse', 'cont_delay_synapse_hpc',
  'cont_delay_synapse_lbl', 'diffusion_connection', 'eprop_learning_signal_connection',
  'eprop_learning_signal_connection_bsshslm_2020', 'eprop_synapse',
  'eprop_synapse_bsshslm_2020', 'eprop_synapse_bsshslm_2020_hpc', 'eprop_synapse_hpc',
  'gap_junction', 'ht_synapse', 'ht_synapse_hpc', 'ht_synapse_lbl', 'jonke_synapse',
  'jonke_synapse_hpc', 'jonke_synapse_lbl', 'quantal_stp_synapse', 'quantal_stp_synapse_hpc',
  'quantal_stp_synapse_lbl', 'rate_connection_delayed', 'rate_connection_instantaneous',
  'sic_connection', 'static_synapse', 'static_synapse_hom_w', 'static_synapse_hom_w_hpc',
  'static_synapse_hom_w_lbl', 'static_synapse_hpc', 'static_synapse_lbl',
  'stdp_dopamine_synapse', 'stdp_dopamine_synapse_hpc', 'stdp_dopamine_synapse_lbl',
  'stdp_facetshw_synapse_hom', 'stdp_facetshw_synapse_hom_hpc', 'stdp_facetshw_synapse_hom_lbl',
  'stdp_nn_pre_centered_synapse', 'stdp_nn_pre_centered_synapse_hpc',
  'stdp_nn_pre_centered_synapse_lbl', 'stdp_nn_restr_synapse', 'stdp_nn_restr_synapse_hpc',
  'stdp_nn_restr_synapse_lbl', 'stdp_nn_symm_synapse', 'stdp_nn_symm_synapse_hpc',
  'stdp_nn_symm_synapse_lbl', 'stdp_pl_synapse_hom', 'stdp_pl_synapse_hom_hpc',
  'stdp_pl_synapse_hom_lbl', 'stdp_synapse', 'stdp_synapse_hom', 'stdp_synapse_hom_hpc',
  'stdp_synapse_hom_lbl', 'stdp_synapse_hpc', 'stdp_synapse_lbl', 'stdp_triplet_synapse',
  'stdp_triplet_synapse_hpc', 'stdp_triplet_synapse_lbl', 'tsodyks2_synapse',
  'tsodyks2_synapse_hpc', 'tsodyks2_synapse_lbl', 'tsodyks_synapse', 'tsodyks_synapse_hom',
  'tsodyks_synapse_hom_hpc', 'tsodyks_synapse_hom_lbl', 'tsodyks_synapse_hpc',
  'tsodyks_synapse_lbl', 'urbanczik_synapse', 'urbanczik_synapse_hpc', 'urbanczik_synapse_lbl',
  'vogels_sprekeler_synapse', 'vogels_sprekeler_synapse_hpc', 'vogels_sprekeler_synapse_lbl'
];
