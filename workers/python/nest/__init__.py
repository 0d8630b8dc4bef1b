"""PyNEST 3.10's surface, for the programs Spikeblocks generates, backed by a TypeScript kernel.

Everything here mirrors what `import nest` gives on a real NEST 3.10 (names, arguments, return
shapes, exception classes), so the same program runs unchanged on NEST Server. What the local
engine cannot do raises NotAvailableInLocalEngine naming the call, never a silent approximation.
"""

import enum
import numbers
import sys
import types

from . import _bridge
from ._errors import KernelException, NESTErrors, NotAvailableInLocalEngine, nest_error, not_available
from ._events import EventArray
from ._nodes import NodeCollection, forget_all_nodes, register_nodes
from . import _random as random
from ._random import Parameter
from ._synapses import GetConnections, SynapseCollection

__version__ = "3.10.0"
__spikeblocks_engine__ = "local"  # lets a program (or a test) tell the facade from real NEST

NESTError = KernelException

# Kernel parameters NEST 3.10 knows (its own list). Those the local kernel does not report are
# refused with NotAvailableInLocalEngine rather than silently ignored.
_NEST_KERNEL_PARAMS = frozenset(
    "T_max T_min adaptive_target_buffers biological_time buffer_size_spike_data "
    "buffer_size_target_data build_info connection_rules cycle_time_log data_path data_prefix "
    "dict_miss_is_error eprop_learning_window eprop_reset_neurons_on_update eprop_update_interval "
    "growth_curves growth_factor_buffer_target_data keep_source_table kernel_status "
    "local_num_threads local_spike_counter max_buffer_size_target_data max_delay "
    "max_num_syn_models max_update_time memory_size min_delay min_update_time ms_per_tic "
    "network_size node_models num_connections num_processes off_grid_spiking overwrite_files "
    "print_time recording_backends recv_buffer_size_secondary_events resolution rng_seed rng_type "
    "rng_types send_buffer_size_secondary_events spike_buffer_grow_extra spike_buffer_resize_log "
    "spike_buffer_shrink_limit spike_buffer_shrink_spare stimulation_backends "
    "structural_plasticity_synapses structural_plasticity_update_interval synapse_models "
    "tics_per_ms tics_per_step to_do total_num_virtual_procs update_time_limit "
    "use_compressed_spikes use_wfr verbosity wfr_comm_interval wfr_interpolation_order "
    "wfr_max_iterations wfr_tol".split()
)
_READONLY_KERNEL_PARAMS = frozenset(
    "T_max T_min build_info connection_rules local_spike_counter max_update_time memory_size "
    "min_update_time ms_per_tic network_size node_models num_connections num_processes "
    "recording_backends rng_types stimulation_backends synapse_models to_do "
    "kernel_status cycle_time_log".split()
)


class VerbosityLevel(enum.IntEnum):
    ALL = 0
    DEBUG = 5
    STATUS = 7
    INFO = 10
    PROGRESS = 15
    DEPRECATED = 18
    WARNING = 20
    ERROR = 30
    FATAL = 40
    QUIET = 100


# The local engine prints no kernel messages, so the level is only remembered.
_verbosity = [VerbosityLevel.WARNING]


def set_verbosity(level):
    """Old-style verbosity ('M_ERROR', ...); NEST 3.10 keeps it for backward compatibility."""
    if isinstance(level, str):
        name = level[2:] if level.startswith("M_") else level
        if name not in VerbosityLevel.__members__:
            raise IndexError("list index out of range")
        level = VerbosityLevel[name]
    _verbosity[0] = VerbosityLevel(int(level))


def get_verbosity():
    return _verbosity[0]


# -- kernel ------------------------------------------------------------------------------------
def ResetKernel():
    """Drop every node and connection; kernel parameters back to their defaults."""
    _bridge.call("nest.ResetKernel()", "reset")
    forget_all_nodes()


def _kernel_status():
    status = _bridge.py_value(_bridge.call("nest.GetKernelStatus()", "getKernelStatus"))
    status = _bridge.normalize_status(status)
    status["verbosity"] = _verbosity[0]
    return status


def GetKernelStatus(keys=None):
    status = _kernel_status()
    if keys is None:
        return status
    if isinstance(keys, str):
        return _kernel_value(status, keys)
    if isinstance(keys, (list, tuple)):
        return tuple(_kernel_value(status, k) for k in keys)
    raise TypeError("keys should be either a string or an iterable")


def _kernel_value(status, key):
    if key in status:
        return status[key]
    if key in _NEST_KERNEL_PARAMS:
        raise not_available(f"the kernel parameter '{key}'")
    raise KeyError(key)


def SetKernelStatus(params):
    if not isinstance(params, dict):
        raise TypeError("params must be a dict")
    status = _kernel_status()
    for key in params:
        if key not in _NEST_KERNEL_PARAMS:
            valid = ", ".join(f"'{k}'" for k in sorted(_NEST_KERNEL_PARAMS))
            raise ValueError(f"`{key}` is not a valid kernel parameter, valid parameters are: {valid}")
        if key in _READONLY_KERNEL_PARAMS:
            raise ValueError(f"`{key}` is a readonly kernel parameter")
        if key not in status:
            raise not_available(f"the kernel parameter '{key}'")
    rest = dict(params)
    if "verbosity" in rest:
        _verbosity[0] = VerbosityLevel(int(rest.pop("verbosity")))
    if rest:
        _bridge.call("nest.SetKernelStatus()", "setKernelStatus", _bridge.js_value(rest))


# -- nodes -------------------------------------------------------------------------------------
def Create(model, n=1, params=None, positions=None):
    """Create n nodes of `model`; returns their NodeCollection."""
    if positions is not None:
        raise not_available("nest.Create(..., positions=...) (spatial networks)")
    if not isinstance(model, str):
        raise TypeError("model must be a string")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        if isinstance(n, float) and n.is_integer():
            n = int(n)
        else:
            raise TypeError("n must have an integer value")
    n = int(n)
    if n < 1:
        raise nest_error("BadParameterValue", "BadParameterValue")
    if params is not None and not isinstance(params, (dict, list, tuple)):
        raise TypeError("params must be either a dict of parameters or a list or tuple of dicts")
    if isinstance(params, (list, tuple)):
        if len(params) != n or not all(isinstance(p, dict) for p in params):
            raise TypeError("params must be either a dict of parameters or a list or tuple of dicts")
    per_node_lists = isinstance(params, dict) and any(
        isinstance(v, (list, tuple, EventArray)) for v in params.values()
    )
    kernel_params = None if (params is None or per_node_lists) else _bridge.js_value(
        list(params) if isinstance(params, tuple) else params
    )
    span = _bridge.call("nest.Create()", "create", model, n, kernel_params)
    first, last = int(span.first), int(span.last)
    register_nodes(model, first, last)
    nodes = NodeCollection(range(first, last + 1))
    if per_node_lists:
        # As PyNEST does: create, then set, so lists with one value per node are split.
        nodes.set(params)
    return nodes


def _ids(nodes, where):
    if isinstance(nodes, NodeCollection):
        return list(nodes._ids)
    if isinstance(nodes, (list, tuple, range)) and all(
        isinstance(i, numbers.Integral) and not isinstance(i, bool) for i in nodes
    ):
        return [int(i) for i in nodes]
    raise TypeError(f"{where}: expected a NodeCollection, got {type(nodes).__name__}")


def Connect(pre, post, conn_spec=None, syn_spec=None, return_synapsecollection=False):
    """Connect pre to post (all_to_all by default) with static_synapse unless syn_spec says."""
    if return_synapsecollection:
        raise not_available("nest.Connect(..., return_synapsecollection=True)")
    pre_ids = _ids(pre, "nest.Connect() pre")
    post_ids = _ids(post, "nest.Connect() post")
    if conn_spec is None:
        conn = {"rule": "all_to_all"}
    elif isinstance(conn_spec, str):
        conn = {"rule": conn_spec}
    elif isinstance(conn_spec, dict):
        conn = dict(conn_spec)
        if "rule" not in conn:
            raise nest_error("BadProperty", "Connectivity rule must be given as 'rule'.")
    else:
        raise TypeError("conn_spec must be a string or a dict")
    if syn_spec is None:
        syn = {}
    elif isinstance(syn_spec, str):
        syn = {"synapse_model": syn_spec}
    elif isinstance(syn_spec, dict):
        syn = dict(syn_spec)
    else:
        raise not_available(f"nest.Connect(syn_spec={type(syn_spec).__name__})")
    for key, value in list(syn.items()):
        if isinstance(value, (list, tuple, EventArray)):
            syn[key] = _connection_array(key, value, conn, len(pre_ids), len(post_ids))
        elif isinstance(value, Parameter):
            pass  # drawn per connection by the kernel
        elif not isinstance(value, (numbers.Real, str)):
            raise not_available(f"nest.Connect(syn_spec={{'{key}': {type(value).__name__}}})")
    _bridge.call(
        "nest.Connect()",
        "connect",
        _bridge.js_value(pre_ids),
        _bridge.js_value(post_ids),
        _bridge.js_value(conn),
        _bridge.js_value(syn),
    )


def _connection_array(key, value, conn, n_pre, n_post):
    """One value per connection, flattened as the kernel expects (post-major for all_to_all,
    one row per target for fixed_indegree, one row per source for fixed_outdegree)."""
    rule = conn["rule"]
    rows = list(value)
    two_dim = bool(rows) and all(isinstance(r, (list, tuple, EventArray)) for r in rows)
    if rule in ("one_to_one", "fixed_total_number"):
        if two_dim:
            raise TypeError(
                f"'{key}' has the wrong type. Two-dimensional parameter arrays can only be used "
                "in conjunction with rules 'all_to_all', 'fixed_indegree' or fixed_outdegree'."
            )
        return [float(v) for v in rows]
    if not two_dim:
        raise TypeError(
            f"'{key}' has the wrong type. One-dimensional parameter arrays can only be used in "
            "conjunction with rule 'one_to_one' or 'fixed_total_number'."
        )
    if rule == "all_to_all" and (len(rows) != n_post or any(len(r) != n_pre for r in rows)):
        raise ValueError(f"'{key}' must be a {n_post} x {n_pre} array (len(post) x len(pre))")
    for degree_rule, degree_key, n_rows, names in (
        ("fixed_indegree", "indegree", n_post, "n_target x indegree"),
        ("fixed_outdegree", "outdegree", n_pre, "n_sources x outdegree"),
    ):
        degree = conn.get(degree_key)
        # a missing or mistyped degree is the kernel's error to report, as in NEST
        if rule == degree_rule and isinstance(degree, int) and not isinstance(degree, bool):
            if len(rows) != n_rows or any(len(r) != degree for r in rows):
                raise ValueError(
                    f"'{key}' has to be an array of dimension {n_rows}x{degree} ({names}), "
                    "a scalar or a dictionary."
                )
    return [float(v) for r in rows for v in r]


def Simulate(t):
    """Advance the simulation by t ms. Stop (the interrupt buffer) ends it early."""
    if isinstance(t, bool) or not isinstance(t, numbers.Real):
        raise TypeError(f"must be real number, not {type(t).__name__}")
    _bridge.call("nest.Simulate()", "simulate", float(t), _bridge.should_stop())


def GetStatus(nodes, keys=None, output=""):
    """Old-style status: one entry per node, always a tuple (a list for connections)."""
    if isinstance(nodes, SynapseCollection):
        if keys is None:
            return tuple(c.get() for c in nodes)
        if isinstance(keys, str):
            return [c.get(keys) for c in nodes]
        return [tuple(c.get(list(keys))[k] for k in keys) for c in nodes]
    if not isinstance(nodes, NodeCollection):
        raise TypeError("The first input (nodes) must be NodeCollection or SynapseCollection.")
    if output not in ("", None):
        raise not_available(f"nest.GetStatus(output={output!r})")
    result = []
    for node in nodes:
        if keys is None:
            result.append(node.get())
        elif isinstance(keys, str):
            result.append(node.get(keys))
        elif isinstance(keys, (list, tuple)):
            status = node.get(list(keys))
            result.append(tuple(status[k] for k in keys))
        else:
            raise TypeError("keys should be either a string or an iterable")
    return tuple(result)


def SetStatus(nodes, params, val=None):
    if isinstance(nodes, SynapseCollection):
        nodes.set({params: val} if isinstance(params, str) else params)
        return
    if not isinstance(nodes, NodeCollection):
        raise TypeError("The first input (nodes) must be NodeCollection or SynapseCollection.")
    if isinstance(params, str):
        params = {params: val}
    nodes.set(params)


# -- model defaults ------------------------------------------------------------------------------
def GetDefaults(model, keys=None, output=""):
    """A model's defaults (node or synapse model, CopyModel copies included), as NEST 3.10 gives them."""
    if not isinstance(model, str):
        raise TypeError("model must be a string")
    status = _bridge.normalize_status(
        _bridge.py_value(_bridge.call("nest.GetDefaults()", "getDefaults", model))
    )
    for key in ("synapse_modelid", "num_connections", "receptor_type", "model_id"):
        if key in status:
            status[key] = int(status[key])
    if status.get("element_type") == "synapse":
        status["weight_recorder"] = NodeCollection()  # NEST: an empty collection by default
        status = dict(sorted(status.items()))
    if keys is None:
        result = status
    elif isinstance(keys, str):
        if keys not in status:
            raise KeyError(keys)
        result = status[keys]
    elif isinstance(keys, (list, tuple)):
        for k in keys:
            if k not in status:
                raise KeyError(k)
        result = [status[k] for k in keys]  # NEST 3.10 answers a list for a list or tuple
    else:
        raise TypeError("keys should be either a string or an iterable")
    if output == "json":
        import json

        from ._nodes import _jsonable

        def plain(value):
            if isinstance(value, NodeCollection):
                return value.tolist()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            return value

        return json.dumps(_jsonable(plain(result)))
    if output not in ("", None):
        raise not_available(f"nest.GetDefaults(output={output!r})")
    return result


def SetDefaults(model, params, val=None):
    """Change a model's defaults: later Create (node models) or Connect (synapse models) use them."""
    if not isinstance(model, str):
        raise TypeError("model must be a string")
    if isinstance(params, str):
        params = {params: val}
    if not isinstance(params, dict):
        raise TypeError("params must be a dict")
    _bridge.call("nest.SetDefaults()", "setDefaults", model, _bridge.js_value(params))


def CopyModel(existing, new, params=None):
    """A new model name: a copy of `existing` with its present defaults, changed by `params`."""
    if not isinstance(existing, str) or not isinstance(new, str):
        raise TypeError("model names must be strings")
    if params is not None and not isinstance(params, dict):
        raise TypeError("params must be a dict")
    _bridge.call(
        "nest.CopyModel()", "copyModel", existing, new, None if not params else _bridge.js_value(params)
    )


# -- PyNEST calls the local engine does not provide ---------------------------------------------
_NOT_PROVIDED = (
    "Disconnect Prepare Run Cleanup RunManager "
    "Install PrintNodes GetNodes GetLocalNodeCollection Models node_models_list help helpdesk "
    "CreateParameter CreateMask GetPosition Displacement Distance FindNearestElement "
    "FindCenterElement GetTargetNodes GetSourceNodes GetTargetPositions GetSourcePositions "
    "DumpLayerNodes DumpLayerConnections SelectNodesByMask PlotLayer PlotTargets PlotProbabilityParameter "
    "CollocatedSynapses load_library sysinfo authors citation "
    "raster_plot voltage_trace visualization"
).split()
_NOT_PROVIDED_NAMESPACES = ("spatial", "spatial_distributions", "math", "logic", "server")


def _unavailable_function(name):
    def unavailable(*args, **kwargs):
        raise not_available(f"nest.{name}()")

    unavailable.__name__ = name
    return unavailable


class _UnavailableNamespace(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _unavailable_function(f"{self.__name__}.{attr}")


class _NestModule(types.ModuleType):
    """Module-level kernel attributes as PyNEST 3 has them: nest.resolution = 0.1, ..."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(f"module 'nest' has no attribute '{name}'")
        if name in _NEST_KERNEL_PARAMS:
            return _kernel_value(_kernel_status(), name)
        if name in _NOT_PROVIDED:
            return _unavailable_function(name)
        if name in _NOT_PROVIDED_NAMESPACES:
            return _UnavailableNamespace(name)
        raise AttributeError(f"module 'nest' has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name in _NEST_KERNEL_PARAMS:
            if name in _READONLY_KERNEL_PARAMS:
                raise AttributeError(f"`{name}` is a read only kernel attribute.")
            SetKernelStatus({name: value})
        elif name.startswith("_") or name in self.__dict__ or isinstance(value, types.ModuleType):
            super().__setattr__(name, value)
        else:
            raise AttributeError(f"Cannot set attribute '{name}' on module 'nest'")


sys.modules[__name__].__class__ = _NestModule

__all__ = [
    "Connect", "CopyModel", "Create", "GetConnections", "GetDefaults", "SetDefaults", "GetKernelStatus", "Parameter", "SynapseCollection", "GetStatus", "KernelException", "NESTError",
    "NESTErrors", "NodeCollection", "NotAvailableInLocalEngine", "ResetKernel",
    "SetKernelStatus", "SetStatus", "Simulate", "VerbosityLevel", "get_verbosity",
    "set_verbosity",
]
