"""The one place where Python talks to the TypeScript kernel.

The runtime registers a JS module `_spikeblocks_host` holding the kernel and a `shouldStop`
function that reads the Stop button's interrupt buffer. Every kernel call goes through `call`,
which turns a kernel NestError into the NEST exception class of the same name.
"""

import array
import builtins

import js
from pyodide.ffi import JsException, JsProxy, to_js

from ._errors import KernelException, NotAvailableInLocalEngine, nest_error
from ._events import EventArray

try:
    import _spikeblocks_host as _host
except ImportError:  # pragma: no cover - only outside the runtime
    _host = None


def _kernel():
    if _host is None:
        raise RuntimeError("the nest facade runs only inside the Spikeblocks runtime")
    return _host.kernel


def should_stop():
    """The JS function the kernel polls during Simulate (same buffer as the Stop button)."""
    return _host.shouldStop


def js_value(value):
    """Python argument → JS value (dicts become plain objects, lists become arrays)."""
    if isinstance(value, EventArray):
        return value.to_js()
    if isinstance(value, dict):
        return to_js({k: _plain(v) for k, v in value.items()}, dict_converter=js.Object.fromEntries)
    return to_js(_plain(value), dict_converter=js.Object.fromEntries)


def _plain(value):
    if isinstance(value, EventArray):
        return value.tolist()
    spec = getattr(value, "_spec", None)
    if isinstance(spec, dict) and "parameter" in spec:
        return spec  # a nest.random Parameter: the kernel draws from the tree
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, range)):
        return [_plain(v) for v in value]
    return value


def py_value(value):
    """JS result → Python: objects → dicts, arrays → lists, typed arrays → EventArray."""
    if isinstance(value, JsProxy):
        if _is_typed_array(value):
            return EventArray(js=value)
        converted = value.to_py()
        return _wrap_buffers(converted)
    return value


def _is_typed_array(value):
    try:
        return bool(js.ArrayBuffer.isView(value))
    except Exception:
        return False


def _wrap_buffers(value):
    if isinstance(value, memoryview):
        return EventArray(mv=value)
    if isinstance(value, dict):
        return {k: _wrap_buffers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wrap_buffers(v) for v in value]
    return value


def translate(error, where):
    """A JS exception from the kernel as the Python exception a real NEST would raise."""
    name = getattr(error, "name", "") or ""
    message = getattr(error, "message", "") or str(error)
    if name == "KeyboardInterrupt":
        return KeyboardInterrupt()
    nest_name = getattr(error, "nestName", None)
    if isinstance(nest_name, str) and nest_name:
        if nest_name == "NotAvailableInLocalEngine":
            # A real NEST feature the kernel lacks (e.g. the model hh_psc_alpha): not a NEST error.
            return NotAvailableInLocalEngine(message)
        if nest_name in ("ValueError", "TypeError", "KeyError", "IndexError"):
            # Checks PyNEST itself makes in Python raise Python's own classes.
            return getattr(builtins, nest_name)(message)
        return nest_error(nest_name, message)
    return KernelException(f"local engine failure in {where}: {name}: {message}")


def call(where, method, *args):
    """kernel.<method>(*args); `where` names the PyNEST call for error messages."""
    kernel = _kernel()
    try:
        return getattr(kernel, method)(*args)
    except JsException as error:
        raise translate(error, where) from None


# JS has one number type, so integral values arrive as Python ints. NEST's status values are
# doubles except for these, which PyNEST returns as int.
_INTEGER_KEYS = frozenset(
    "global_id model_id thread thread_local_id vp n_events rng_seed network_size num_connections "
    "local_num_threads total_num_virtual_procs num_processes mpi_rank tics_per_step "
    "receptor_type senders indegree outdegree N local_spike_counter max_num_syn_models "
    "wfr_interpolation_order wfr_max_iterations to_do source target port receptor target_thread sizeof synapse_id".split()
)


def normalize_status(status):
    """A status dict with NEST's number types: float unless the key is integral in NEST."""
    return {key: _number_type(key, value) for key, value in status.items()}


def _number_type(key, value):
    if isinstance(value, bool) or key in _INTEGER_KEYS:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, list) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    ):
        # A numeric array parameter (spike_times, ...): PyNEST gives a numpy array of doubles.
        return EventArray(mv=memoryview(array.array("d", value)))
    return value
