"""torch.nn for the local runtime: Module, Parameter and Linear (what the Norse blocks use)."""

import operator

from .._bridge import call, missing, not_available
from .. import Tensor
from . import init


class Parameter(Tensor):
    """A tensor that belongs to a module (no gradients here: it is the same data)."""

    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            raise not_available("torch.nn.Parameter() without data")
        if not isinstance(data, Tensor):
            raise TypeError(f"Parameter expects a Tensor, got {type(data).__name__}")
        p = Parameter._wrap(data._h, data._shape)
        p.requires_grad = requires_grad
        return p

    def __init__(self, data=None, requires_grad=True):
        pass

    def __repr__(self):
        return f"Parameter containing:\n{Tensor.__repr__(self)}"


class Module:
    """The base of every layer. Calling a module runs its forward."""

    def __init__(self, *args, **kwargs):
        self.training = True

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def eval(self):
        self.training = False
        return self

    def train(self, mode=True):
        self.training = mode
        return self

    def extra_repr(self):
        return ""

    def __repr__(self):
        return f"{type(self).__name__}({self.extra_repr()})"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise missing("torch.nn.Module", name, type(self).__name__)


class Linear(Module):
    """y = x·Wᵀ + b over the last dimension. Default init as PyTorch's:
    weight and bias uniform in (−1/√in, 1/√in) (from our generator)."""

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        if device not in (None, "cpu") or dtype not in (None, _float32()):
            raise not_available("torch.nn.Linear with a device or dtype")
        self.in_features = operator.index(in_features)
        self.out_features = operator.index(out_features)
        made = call("linearInit", self.in_features, self.out_features, bool(bias))
        self.weight = Parameter._wrap(made.weight, (self.out_features, self.in_features))
        self.bias = Parameter._wrap(made.bias, (self.out_features,)) if bias else None

    def forward(self, input):
        if not isinstance(input, Tensor):
            raise TypeError(f"linear(): argument 'input' must be Tensor, not {type(input).__name__}")
        bias = self.bias._h if self.bias is not None else None
        return Tensor._wrap(call("linear", input._h, self.weight._h, bias))

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


def _float32():
    from .. import float32

    return float32


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise missing("torch.nn", name)
