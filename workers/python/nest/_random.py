"""nest.random: random parameters for Connect (weight, delay, ...), Create(params=...) and
NodeCollection.set, as in PyNEST 3.10.

A Parameter is only a description (a small tree); the kernel draws the numbers from its own
seeded stream, one per connection or node. Arithmetic with numbers and other parameters builds
a bigger tree; NEST 3.10 has + - * / ** and unary minus, and comparisons (1.0 or 0.0), but no
abs() and no number ** parameter.
"""

import numbers

from . import _bridge
from ._errors import nest_error


def _operand(x):
    if isinstance(x, Parameter):
        return x._spec
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        return None
    return float(x)


class Parameter:
    """A random (or computed) value, drawn afresh wherever NEST uses it."""

    __slots__ = ("_spec",)

    def __init__(self, spec):
        self._spec = spec

    def _op(self, op, a, b):
        a, b = _operand(a), _operand(b)
        if a is None or b is None:
            raise NotImplementedError()  # what NEST 3.10 raises for p + "a"
        return Parameter({"parameter": "op", "op": op, "a": a, "b": b})

    def __add__(self, other):
        return self._op("+", self, other)

    def __radd__(self, other):
        return self._op("+", other, self)

    def __sub__(self, other):
        return self._op("-", self, other)

    def __rsub__(self, other):
        return self._op("-", other, self)

    def __mul__(self, other):
        return self._op("*", self, other)

    def __rmul__(self, other):
        return self._op("*", other, self)

    def __truediv__(self, other):
        return self._op("/", self, other)

    def __rtruediv__(self, other):
        return self._op("/", other, self)

    def __pow__(self, other):
        return self._op("**", self, other)

    def __neg__(self):
        return Parameter({"parameter": "neg", "a": self._spec})

    def __lt__(self, other):
        return self._op("<", self, other)

    def __le__(self, other):
        return self._op("<=", self, other)

    def __gt__(self, other):
        return self._op(">", self, other)

    def __ge__(self, other):
        return self._op(">=", self, other)

    def __eq__(self, other):
        return self._op("==", self, other)

    def __ne__(self, other):
        return self._op("!=", self, other)

    __hash__ = object.__hash__

    def GetValue(self):
        """One value drawn now (from the same stream the kernel uses)."""
        return float(_bridge.call("Parameter.GetValue()", "drawParameter", _bridge.js_value(self._spec)))

    def __repr__(self):
        return f"<nest.Parameter {self._spec['parameter']}>"


Parameter.__module__ = "nest"


def _real(x):
    return float(x)  # PyNEST converts the arguments the same way (ValueError for 'a')


def uniform(min=0.0, max=1.0):
    lo, hi = _real(min), _real(max)
    if not lo < hi:
        raise nest_error("BadProperty", "nest::UniformParameter: min < max required.")
    return Parameter({"parameter": "uniform", "min": lo, "max": hi})


def uniform_int(max):
    hi = _real(max)
    if not hi >= 1:
        raise nest_error("BadProperty", "nest::UniformIntParameter: max > 0 required.")
    return Parameter({"parameter": "uniform_int", "max": float(int(hi))})


def normal(mean=0.0, std=1.0):
    m, s = _real(mean), _real(std)
    if not s > 0:
        raise nest_error("BadProperty", "nest::NormalParameter: std > 0 required.")
    return Parameter({"parameter": "normal", "mean": m, "std": s})


def lognormal(mean=0.0, std=1.0):
    m, s = _real(mean), _real(std)
    if not s > 0:
        raise nest_error("BadProperty", "nest::LognormalParameter: std > 0 required.")
    return Parameter({"parameter": "lognormal", "mean": m, "std": s})


def exponential(beta=1.0):
    return Parameter({"parameter": "exponential", "beta": _real(beta)})


__all__ = ["exponential", "lognormal", "normal", "uniform", "uniform_int"]
