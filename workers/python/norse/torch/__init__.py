"""norse.torch for the local runtime (Norse 1.1's names, arguments, defaults and return shapes).

Covered: LIFParameters, LIParameters, LIFBoxParameters, LIF, LI, LIFRecurrent, LIFBoxCell,
PoissonEncoder, ConstantCurrentLIFEncoder, SpikeLatencyLIFEncoder, SequentialState and their
state tuples. The time loops run in workers/engine/norse (float32, Norse's operation order).
"""

import inspect
import operator
import struct
from collections import namedtuple

import torch
from torch import Tensor
from torch._bridge import call, missing, not_available

# -- parameters (Norse's defaults; tensors, as Norse writes them) ------------------------------


def reset_value(z, v, reset, th):
    """Norse's default LIFBox reset: v = (1 − z)·v + z·reset."""
    return (1 - z) * v + z * reset


LIFParameters = namedtuple(
    "LIFParameters", "tau_syn_inv tau_mem_inv v_leak v_th v_reset method alpha",
    defaults=(torch.tensor(200.0), torch.tensor(100.0), torch.tensor(0.0), torch.tensor(1.0),
              torch.tensor(0.0), "super", torch.tensor(100.0)),
)
LIParameters = namedtuple(
    "LIParameters", "tau_syn_inv tau_mem_inv v_leak",
    defaults=(torch.tensor(200.0), torch.tensor(100.0), torch.tensor(0.0)),
)
LIFBoxParameters = namedtuple(
    "LIFBoxParameters", "tau_mem_inv v_leak v_th v_reset method alpha reset_method",
    defaults=(torch.tensor(100.0), torch.tensor(0.0), torch.tensor(1.0), torch.tensor(0.0), "super",
              torch.tensor(100.0), reset_value),
)

# -- states --------------------------------------------------------------------------------------
LIFFeedForwardState = namedtuple("LIFFeedForwardState", "v i")
LIFState = namedtuple("LIFState", "z v i")
LIState = namedtuple("LIState", "v i")
LIFBoxFeedForwardState = namedtuple("LIFBoxFeedForwardState", "v")

# Every surrogate-gradient method has the Heaviside step as its forward pass.
_THRESHOLD_METHODS = ("heaviside", "super", "triangle", "tanh", "circ", "heavi_erfc")


def _float32(value):
    return struct.unpack("f", struct.pack("f", value))[0]


def _scalar(p, field):
    """A parameter as one float32 number (Norse wraps them with torch.as_tensor)."""
    value = getattr(p, field)
    if isinstance(value, Tensor):
        if value.numel() != 1:
            raise not_available(f"per-neuron parameters ({type(p).__name__}.{field} with {value.numel()} values)")
        return value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _float32(float(value))
    raise TypeError(f"{type(p).__name__}.{field} must be a number or a tensor, not {type(value).__name__}")


def _check_method(p):
    if p.method == "adjoint":
        raise not_available('the "adjoint" method')
    if p.method not in _THRESHOLD_METHODS:
        raise ValueError(
            f"Attempted to apply threshold function {p.method}, but no such function exist. "
            "We currently support heaviside, super, tanh, triangle, circ, and heavi_erfc."
        )


def _lif_numbers(p):
    _check_method(p)
    return [_scalar(p, f) for f in ("tau_syn_inv", "tau_mem_inv", "v_leak", "v_th", "v_reset")]


def _dt(dt):
    if isinstance(dt, Tensor):
        return dt.item()
    return float(dt)


def _input(x, where):
    if not isinstance(x, Tensor):
        raise TypeError(f"{where} expects a torch tensor, got {type(x).__name__}")
    return x


def _check_kwargs(kwargs, where, allowed=()):
    """A keyword argument real Norse takes but the local runtime does not: not available here; one
    real Norse does not take either (a typo such as dtt=): real Norse's own TypeError."""
    from torch._real_names import KWARGS

    known, message = KWARGS.get(where, (frozenset(), "{name}"))
    for key in kwargs:
        if key in allowed:
            continue
        if key in known or where not in KWARGS:
            raise not_available(f"{where}({key}=...)")
        raise TypeError(message.format(name=key))


def _t(handle, shape=None):
    return Tensor._wrap(handle, shape)


# -- layers ----------------------------------------------------------------------------------------


class LIF(torch.nn.Module):
    """Leaky integrate-and-fire layer looping over the first dimension (time).
    Returns (spikes, state); with record_states=True the state holds v and i of every step."""

    def __init__(self, p=LIFParameters(), record_states=False, dt=0.001, **kwargs):
        super().__init__()
        _check_kwargs(kwargs, "norse.torch.LIF")
        self.p = p
        self.dt = dt
        self.record_states = record_states
        _lif_numbers(p)

    def forward(self, input_tensor, state=None):
        x = _input(input_tensor, "LIF")
        v0 = i0 = None
        if state is not None:
            v0, i0 = state.v._h, state.i._h
        r = call("lif", x._h, *_lif_numbers(self.p), _dt(self.dt), bool(self.record_states), v0, i0)
        return _t(r.out, x.shape), LIFFeedForwardState(v=_t(r.v), i=_t(r.i))

    def extra_repr(self):
        return f"p={self.p}, dt={self.dt}"


class LI(torch.nn.Module):
    """Leaky integrator layer: returns (v over time, state)."""

    def __init__(self, p=LIParameters(), record_states=False, dt=0.001, **kwargs):
        super().__init__()
        _check_kwargs(kwargs, "norse.torch.LI")
        self.p = p
        self.dt = dt
        self.record_states = record_states

    def forward(self, input_tensor, state=None):
        x = _input(input_tensor, "LI")
        v0 = i0 = None
        if state is not None:
            v0, i0 = state.v._h, state.i._h
        numbers = [_scalar(self.p, f) for f in ("tau_syn_inv", "tau_mem_inv", "v_leak")]
        r = call("li", x._h, *numbers, _dt(self.dt), bool(self.record_states), v0, i0)
        return _t(r.out, x.shape), LIState(v=_t(r.v), i=_t(r.i))

    def extra_repr(self):
        return f"p={self.p}, dt={self.dt}"


class LIFRecurrent(torch.nn.Module):
    """LIF layer with its own input and recurrent weights (hidden × input, hidden × hidden),
    random normal · sqrt(2/hidden) by default, no autapses."""

    def __init__(self, input_size, hidden_size, p=LIFParameters(), input_weights=None,
                 recurrent_weights=None, autapses=False, dt=0.001, record_states=False, **kwargs):
        super().__init__()
        _check_kwargs(kwargs, "norse.torch.LIFRecurrent")
        self.input_size = operator.index(input_size)
        self.hidden_size = operator.index(hidden_size)
        self.p = p
        self.dt = dt
        self.autapses = autapses
        self.record_states = record_states
        _lif_numbers(p)
        made = call("recurrentInit", self.input_size, self.hidden_size, bool(autapses))
        self.input_weights = input_weights if input_weights is not None else torch.nn.Parameter(
            _t(made.input, (self.hidden_size, self.input_size)))
        self.recurrent_weights = recurrent_weights if recurrent_weights is not None else torch.nn.Parameter(
            _t(made.recurrent, (self.hidden_size, self.hidden_size)))

    def forward(self, input_tensor, state=None):
        x = _input(input_tensor, "LIFRecurrent")
        if state is not None:
            raise not_available("LIFRecurrent with a given start state")
        if x.dim() != 2:
            raise not_available(f"LIFRecurrent on a {x.dim()}-d input (the local runtime takes (time steps, inputs))")
        r = call("lifRecurrent", x._h, self.input_weights._h, self.recurrent_weights._h,
                 *_lif_numbers(self.p), _dt(self.dt), bool(self.record_states))
        return _t(r.out), LIFState(z=_t(r.z), v=_t(r.v), i=_t(r.i))

    def extra_repr(self):
        return (f"input_size={self.input_size}, hidden_size={self.hidden_size}, p={self.p}, "
                f"autapses={self.autapses}, dt={self.dt}")


class LIFBoxCell(torch.nn.Module):
    """One step of a current-free LIF neuron (no synaptic current): call it in a time loop with
    the previous state; the first call (state None) starts from v = v_leak."""

    def __init__(self, p=LIFBoxParameters(), dt=0.001):
        super().__init__()
        self.p = p
        self.dt = dt

    def forward(self, input_tensor, state=None):
        x = _input(input_tensor, "LIFBoxCell")
        p = self.p
        _check_method(p)
        if p.reset_method is not reset_value:
            raise not_available("LIFBoxParameters with another reset_method")
        numbers = [_scalar(p, f) for f in ("tau_mem_inv", "v_leak", "v_th", "v_reset")]
        v = state.v if state is not None else torch.tensor(numbers[1])
        r = call("lifBoxStep", x._h, v._h, *numbers, _dt(self.dt))
        return _t(r.z), LIFBoxFeedForwardState(v=_t(r.v))

    def extra_repr(self):
        return f"p={self.p}, dt={self.dt}"


# -- encoders ------------------------------------------------------------------------------------


class PoissonEncoder(torch.nn.Module):
    """x (neurons,) → spikes (seq_length, neurons): a spike where a uniform draw < dt·f_max·x."""

    def __init__(self, seq_length, f_max=100, dt=0.001):
        super().__init__()
        self.seq_length = operator.index(seq_length)
        self.f_max = f_max
        self.dt = dt

    def forward(self, x):
        x = _input(x, "PoissonEncoder")
        return _t(call("poisson", x._h, self.seq_length, float(self.f_max), _dt(self.dt)))


class _CurrentEncoder(torch.nn.Module):
    _first_only = False

    def __init__(self, seq_length, p=LIFParameters(), dt=0.001):
        super().__init__()
        self.seq_length = operator.index(seq_length)
        self.p = p
        self.dt = dt

    def forward(self, input_currents):
        x = _input(input_currents, type(self).__name__)
        r = call("currentEncoder", x._h, self.seq_length, *_lif_numbers(self.p), _dt(self.dt), self._first_only)
        return _t(r.spikes)


class ConstantCurrentLIFEncoder(_CurrentEncoder):
    """A constant current into LIF neurons without synaptic current: the spikes of every step."""


class SpikeLatencyLIFEncoder(_CurrentEncoder):
    """As ConstantCurrentLIFEncoder, but each neuron keeps only its first spike."""

    _first_only = True


# -- containers ----------------------------------------------------------------------------------


class SequentialState(torch.nn.Module):
    """Like torch.nn.Sequential, but threads each stateful module's state:
    returns (output, [state per module]) with None for stateless modules (e.g. Linear)."""

    def __init__(self, *modules, return_hidden=False):
        super().__init__()
        self._layers = list(modules)
        self.return_hidden = return_hidden
        self.stateful_layers = [
            "state" in inspect.signature(m.forward).parameters for m in self._layers
        ]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return SequentialState(*self._layers[index])
        return self._layers[index]

    def __len__(self):
        return len(self._layers)

    def __iter__(self):
        return iter(self._layers)

    def forward(self, input_tensor, state=None):
        state = [None] * len(self) if state is None else state
        hidden = []
        for index, module in enumerate(self._layers):
            if self.stateful_layers[index]:
                input_tensor, s = module(input_tensor, state[index])
                state[index] = s
            else:
                input_tensor = module(input_tensor)
            if self.return_hidden:
                hidden.append(input_tensor)
        return (hidden, state) if self.return_hidden else (input_tensor, state)

    def __repr__(self):
        inner = "\n".join(f"  ({k}): {m!r}" for k, m in enumerate(self._layers))
        return f"SequentialState(\n{inner}\n)"


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise missing("norse.torch", name)
