"""The one place where the local `torch` and `norse` modules talk to the TypeScript kernel.

The runtime registers a JS module `_spikeblocks_norse` holding the Norse kernel
(workers/engine/norse/kernel.ts). Every kernel call goes through `call`, which turns a kernel
NorseError into the Python exception PyTorch would raise (RuntimeError, IndexError, ...).
"""

import builtins
import sys

from pyodide.ffi import JsException, to_js

try:
    import _spikeblocks_norse as _host
except ImportError:  # pragma: no cover - only outside the runtime
    _host = None

BACKEND_HINT = "run on a Norse backend (Jupyter with Norse installed)"


def not_available(name):
    """The error for any torch/norse feature outside what the local runtime covers: the program
    may be fine, it just needs a real PyTorch/Norse."""
    return NotImplementedError(f"{name} is not available in the local runtime — {BACKEND_HINT}")


def missing(space, name, owner=None):
    """The error for a name the local runtime does not have: NotImplementedError ("not available
    here") when real torch / Norse has it, else the AttributeError real Python gives — a typo such
    as norse.torch.LIFF — with the closest real name as a suggestion. `space` names the namespace in
    _real_names ("torch", "torch.Tensor" …); `owner` the object's type for instance attributes."""
    import difflib

    from torch._real_names import NAMES

    known = NAMES.get(space, frozenset())
    shown = f"{space}.{name}"
    if name in known:
        return not_available(shown)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f". Did you mean: '{close[0]}'?" if close else ""
    what = f"'{owner}' object" if owner else f"module '{space}'"
    return AttributeError(f"{what} has no attribute '{name}'{hint}")


def kernel():
    if _host is None:
        raise RuntimeError("the local torch module runs only inside the Spikeblocks runtime")
    return _host.kernel


def translate(error, where):
    name = getattr(error, "name", "") or ""
    message = getattr(error, "message", "") or str(error)
    python_type = getattr(error, "pythonType", None)
    if isinstance(python_type, str) and python_type in ("RuntimeError", "ValueError", "IndexError", "TypeError", "MemoryError"):
        return getattr(builtins, python_type)(message)
    return RuntimeError(f"local runtime failure in {where}: {name}: {message}")


def call(method, *args):
    """kernel.<method>(*args), with kernel errors as Python exceptions."""
    try:
        return getattr(kernel(), method)(*args)
    except JsException as error:
        raise translate(error, method) from None


def js_list(values):
    return to_js(list(values))


class _NotAvailableFinder:
    """Last on sys.meta_path: a torch.* or norse.* module we do not have (torch.nn.functional,
    norse.torch.functional, ...) raises the clear 'not available' error, not ModuleNotFoundError."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if fullname.split(".")[0] in ("torch", "norse") and "." in fullname:
            raise not_available(f"the module {fullname}")
        return None


if not any(isinstance(f, _NotAvailableFinder) for f in sys.meta_path):
    sys.meta_path.append(_NotAvailableFinder())
