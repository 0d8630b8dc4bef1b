"""torch.nn.init for the local runtime: constant_ (a weight block sets every weight to one number)."""

import numbers

from .._bridge import call, missing


def constant_(tensor, val):
    """Fills `tensor` in place with `val` and returns it, as PyTorch does."""
    from .. import Tensor

    if not isinstance(tensor, Tensor):
        raise TypeError(f"constant_(): argument 'tensor' must be Tensor, not {type(tensor).__name__}")
    if not isinstance(val, numbers.Real):
        raise TypeError(f"constant_(): argument 'val' must be a number, not {type(val).__name__}")
    tensor._check_writable()
    call("fill", tensor._h, float(val))
    return tensor


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise missing("torch.nn.init", name)
