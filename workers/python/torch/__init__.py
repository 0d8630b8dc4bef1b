"""A small `torch` for the Spikeblocks local runtime: exactly what the Norse blocks generate.

Tensors are float32 and live in the TypeScript kernel (workers/engine/norse); a Tensor here is a
handle to one. Arithmetic rounds every operation to float32 as PyTorch does, so deterministic
programs give PyTorch's numbers bit for bit. Random numbers come from our own generator seeded by
manual_seed: same seed, same numbers, but not PyTorch's numbers (the distributions agree).

Anything outside the covered subset raises NotImplementedError naming the function, so a
program never gets a wrong answer: it is told to run on a real Norse/PyTorch instead.
"""

import builtins as _builtins
import numbers
import operator

from ._bridge import call, js_list, missing, not_available
from ._tensorlist import TensorList

__version__ = "2.15.0+spikeblocks.local"

# `float` below is torch.float (a dtype), as in PyTorch; Python's float is this one.
builtins_float = _builtins.float


class dtype:
    """Only float32 exists here (Norse computes in float32)."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f"torch.{self._name}"


float32 = float = dtype("float32")


class Size(tuple):
    def __repr__(self):
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    def numel(self):
        n = 1
        for d in self:
            n *= d
        return n


def _check_dtype(kwargs, where):
    for key, value in kwargs.items():
        if key == "dtype" and value in (None, float32):
            continue
        if key in ("device",) and value in (None, "cpu"):
            continue
        if key == "requires_grad":
            continue  # no autograd here: the forward numbers are the same
        raise not_available(f"{where}({key}={value!r})")


_COMPARISONS = {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">=", "__eq__": "==", "__ne__": "!="}


class Tensor:
    """A float32 tensor held by the kernel. Indexing returns a copy (PyTorch returns a view), so
    a tensor that has been indexed refuses later writes into it, and a copy made by indexing
    refuses writes too: either would show the difference."""

    __slots__ = ("_h", "_shape", "_indexed", "_from_index", "requires_grad", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise not_available("torch.Tensor(...) (use torch.tensor, torch.zeros, torch.ones)")

    @classmethod
    def _wrap(cls, handle, shape=None, from_index=False):
        t = object.__new__(cls)
        t._h = handle
        t._shape = Size(shape) if shape is not None else None
        t._indexed = False
        t._from_index = from_index
        t.requires_grad = False
        return t

    # -- shape -------------------------------------------------------------------------------
    @property
    def shape(self):
        if self._shape is None:
            self._shape = Size(int(d) for d in self._h.shape.to_py())
        return self._shape

    def size(self, dim=None):
        if dim is None:
            return self.shape
        return self.shape[_dim(dim, len(self.shape))]

    def dim(self):
        return len(self.shape)

    @property
    def ndim(self):
        return len(self.shape)

    def numel(self):
        return self.shape.numel()

    @property
    def dtype(self):
        return float32

    @property
    def device(self):
        return "cpu"

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    # -- no autograd here: detach shares the data, as in PyTorch -----------------------------
    def detach(self):
        t = Tensor._wrap(self._h, self._shape, self._from_index)
        return t

    def clone(self):
        return Tensor._wrap(call("copy", self._h), self._shape)

    def float(self):
        return self

    def cpu(self):
        return self

    # -- back to Python ------------------------------------------------------------------------
    def tolist(self):
        """Nested lists of Python floats, as in PyTorch; read lazily (see _tensorlist.py)."""
        shape = tuple(self.shape)
        if len(shape) < 1:
            return self.item()
        return TensorList(call("copyData", self._h), shape)

    # -- reductions and transpose (sum counts spikes: z.sum(), z.sum(0) per neuron) ----------------
    def sum(self, dim=None, keepdim=False):
        if isinstance(dim, (tuple, list)):
            raise not_available("Tensor.sum over several dimensions")
        return Tensor._wrap(call("sum", self._h, None if dim is None else int(dim), bool(keepdim)))

    def t(self):
        return Tensor._wrap(call("transpose", self._h))

    @property
    def T(self):
        if self.dim() > 2:
            raise not_available("Tensor.T of a tensor with more than 2 dimensions")
        return self.t()

    def item(self):
        if self.numel() != 1:
            raise RuntimeError(f"a Tensor with {self.numel()} elements cannot be converted to Scalar")
        return self._h.data.to_memoryview()[0]

    def __float__(self):
        return builtins_float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        raise not_available("a float tensor as an index")

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return self.item() != 0

    def __iter__(self):
        if not self.shape:
            raise TypeError("iteration over a 0-d tensor")
        return (self[k] for k in range(self.shape[0]))

    def __repr__(self):
        values = self.tolist()
        return f"tensor({values})"

    __hash__ = object.__hash__

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise missing("torch.Tensor", name, "Tensor")

    # -- arithmetic (float32, with broadcasting) ------------------------------------------------
    def _binary(self, op, other, reversed_=False):
        if isinstance(other, Tensor):
            a, b = (other, self) if reversed_ else (self, other)
            return Tensor._wrap(call("binary", op, a._h, b._h))
        if isinstance(other, numbers.Real):
            return Tensor._wrap(call("binaryScalar", op, self._h, builtins_float(other), reversed_))
        return NotImplemented

    def __add__(self, other):
        return self._binary("add", other)

    def __radd__(self, other):
        return self._binary("add", other, True)

    def __sub__(self, other):
        return self._binary("sub", other)

    def __rsub__(self, other):
        return self._binary("sub", other, True)

    def __mul__(self, other):
        return self._binary("mul", other)

    def __rmul__(self, other):
        return self._binary("mul", other, True)

    def __truediv__(self, other):
        return self._binary("div", other)

    def __rtruediv__(self, other):
        return self._binary("div", other, True)

    def __neg__(self):
        return self._binary("mul", -1.0)

    def __pos__(self):
        return self

    def _inplace(self, op, other):
        result = self._binary(op, other)
        if result is NotImplemented:
            return NotImplemented
        self._check_writable()
        if tuple(result.shape) != tuple(self.shape):
            raise RuntimeError(
                f"output with shape {list(self.shape)} doesn't match the broadcast shape {list(result.shape)}"
            )
        call("setIndex", self._h, js_list([]), result._h)
        return self

    def __iadd__(self, other):
        return self._inplace("add", other)

    def __isub__(self, other):
        return self._inplace("sub", other)

    def __imul__(self, other):
        return self._inplace("mul", other)

    def __itruediv__(self, other):
        return self._inplace("div", other)

    # -- indexing: t[i], t[a:b], t[i, j] and assignment to them ---------------------------------
    def _index_spec(self, index):
        items = index if isinstance(index, tuple) else (index,)
        shape = self.shape
        spec = []
        for dim, item in enumerate(items):
            if item is Ellipsis or item is None or isinstance(item, (Tensor, list, bool)):
                raise not_available(f"indexing a tensor with {type(item).__name__}")
            if dim >= len(shape):
                raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
            n = shape[dim]
            if isinstance(item, slice):
                start, stop, step = item.indices(n)
                if step <= 0:
                    raise ValueError("step must be greater than zero")
                spec += [1, start, stop, step]
                continue
            try:
                position = operator.index(item)
            except TypeError:
                raise IndexError(
                    "only integers, slices (`:`) are valid indices in the local runtime"
                ) from None
            if not -n <= position < n:
                raise IndexError(f"index {position} is out of bounds for dimension {dim} with size {n}")
            spec += [0, position % n, 0, 0]
        return js_list(spec)

    def __getitem__(self, index):
        spec = self._index_spec(index)
        self._indexed = True
        return Tensor._wrap(call("getIndex", self._h, spec), from_index=True)

    def _check_writable(self):
        if self._from_index:
            raise not_available("writing into a part of a tensor taken by indexing (a view)")
        if self._indexed:
            raise not_available("writing into a tensor after reading a part of it (views would see the change)")

    def __setitem__(self, index, value):
        self._check_writable()
        spec = self._index_spec(index)
        if isinstance(value, Tensor):
            call("setIndex", self._h, spec, value._h)
        elif isinstance(value, numbers.Real):
            call("setIndexScalar", self._h, spec, builtins_float(value))
        else:
            raise TypeError(f"can't assign a {type(value).__name__} to a torch.FloatTensor")


def _not_available_method(name, what):
    def method(self, *args, **kwargs):
        raise not_available(what)

    method.__name__ = name
    return method


for _name, _symbol in _COMPARISONS.items():
    setattr(Tensor, _name, _not_available_method(_name, f"comparing tensors with {_symbol}"))
for _name, _what in {
    "__matmul__": "the @ operator (use torch.nn.Linear)", "__rmatmul__": "the @ operator (use torch.nn.Linear)",
    "__pow__": "torch.Tensor.__pow__ (**)", "__rpow__": "torch.Tensor.__rpow__ (**)",
    "__floordiv__": "torch.Tensor.__floordiv__ (//)", "__rfloordiv__": "torch.Tensor.__rfloordiv__ (//)",
    "__mod__": "torch.Tensor.__mod__ (%)", "__rmod__": "torch.Tensor.__rmod__ (%)",
    "__abs__": "torch.Tensor.__abs__ (abs)",
}.items():
    setattr(Tensor, _name, _not_available_method(_name, _what))


def _dim(dim, rank):
    d = dim + rank if dim < 0 else dim
    if not 0 <= d < max(rank, 1):
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim})"
        )
    return d


def _size(size, where):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = tuple(size[0])
    try:
        dims = [operator.index(d) for d in size]
    except TypeError:
        raise TypeError(f"{where}(): argument 'size' must be a tuple of ints") from None
    for d in dims:
        if d < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {d}: {dims}")
    return dims


# -- making tensors ---------------------------------------------------------------------------
def ones(*size, **kwargs):
    _check_dtype(kwargs, "torch.ones")
    dims = _size(size, "ones")
    return Tensor._wrap(call("full", js_list(dims), 1.0), dims)


def zeros(*size, **kwargs):
    _check_dtype(kwargs, "torch.zeros")
    dims = _size(size, "zeros")
    return Tensor._wrap(call("full", js_list(dims), 0.0), dims)


def rand(*size, **kwargs):
    _check_dtype(kwargs, "torch.rand")
    dims = _size(size, "rand")
    return Tensor._wrap(call("rand", js_list(dims)), dims)


def randn(*size, **kwargs):
    _check_dtype(kwargs, "torch.randn")
    dims = _size(size, "randn")
    return Tensor._wrap(call("randn", js_list(dims)), dims)


def tensor(data, **kwargs):
    """torch.tensor(data): numbers or (nested) lists of numbers, stored as float32. (PyTorch
    would make integer data an int64 tensor; here every tensor is float32.)"""
    _check_dtype(kwargs, "torch.tensor")
    if isinstance(data, Tensor):
        return data.clone()
    values = []
    shape = _flatten(data, values, 0, [])
    return Tensor._wrap(call("fromValues", js_list(values), js_list(shape)), shape)


def as_tensor(data, **kwargs):
    if isinstance(data, Tensor):
        _check_dtype(kwargs, "torch.as_tensor")
        return data
    return tensor(data, **kwargs)


def _flatten(data, out, depth, shape):
    if isinstance(data, numbers.Real):
        if depth == 0:
            out.append(builtins_float(data))
            return []
        raise TypeError("torch.tensor: a number where a list was expected")
    if isinstance(data, Tensor):
        raise not_available("torch.tensor of a list of tensors (use torch.stack)")
    if not isinstance(data, (list, tuple, TensorList)):
        raise TypeError(f"Could not infer dtype of {type(data).__name__}")
    if len(shape) == depth:
        shape.append(len(data))
    elif shape[depth] != len(data):
        raise ValueError(f"expected sequence of length {shape[depth]} at dim {depth} (got {len(data)})")
    for item in data:
        if isinstance(item, (list, tuple, TensorList)):
            _flatten(item, out, depth + 1, shape)
        elif isinstance(item, numbers.Real):
            if len(shape) != depth + 1:
                raise ValueError(f"expected sequence of length {shape[depth + 1]} at dim {depth + 1} (got a number)")
            out.append(builtins_float(item))
        else:
            raise TypeError(f"Could not infer dtype of {type(item).__name__}")
    return shape


def _tensor_list(tensors, where):
    tensors = list(tensors)
    for t in tensors:
        if not isinstance(t, Tensor):
            raise TypeError(f"{where}(): argument 'tensors' must be a sequence of Tensors, not {type(t).__name__}")
    return tensors


def sum(input, dim=None, keepdim=False):  # noqa: A001 - torch's own name
    return input.sum(dim, keepdim)


def stack(tensors, dim=0):
    tensors = _tensor_list(tensors, "stack")
    return Tensor._wrap(call("stack", js_list(t._h for t in tensors), dim))


def cat(tensors, dim=0):
    tensors = _tensor_list(tensors, "cat")
    return Tensor._wrap(call("cat", js_list(t._h for t in tensors), dim))


def manual_seed(seed):
    """Seeds our generator (not PyTorch's: the numbers differ, the distributions agree)."""
    call("manualSeed", operator.index(seed))
    return None


class no_grad:
    """There is no autograd here, so no_grad changes nothing (as for a forward pass in PyTorch)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, function):
        return function


from . import nn  # noqa: E402  (torch.nn needs Tensor)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise missing("torch", name)
