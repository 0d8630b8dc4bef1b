"""Writes workers/python/torch/_real_names.py: the public names of real PyTorch and Norse 1.1, so
the local runtime can tell a name it does not cover ("not available here, run on a Norse backend")
from a name that does not exist at all (a typo: AttributeError, as real Python says, with a
suggestion). Run with the venv's Python after changing the pinned torch / norse versions:

    .venv/bin/python test/python/list_torch_names.py
"""
import pathlib
import textwrap
import warnings

warnings.simplefilter("ignore")
import norse  # noqa: E402
import norse.torch  # noqa: E402
import torch  # noqa: E402
import torch.nn  # noqa: E402
import torch.nn.init  # noqa: E402


def public(obj):
    return sorted(n for n in dir(obj) if not n.startswith("_"))


spaces = {
    "torch": public(torch),
    "torch.nn": public(torch.nn),
    "torch.nn.init": public(torch.nn.init),
    "torch.Tensor": public(torch.Tensor),
    "torch.nn.Module": public(torch.nn.Module),
    "norse": public(norse),
    "norse.torch": public(norse.torch),
}

def keyword_arguments(cls, *args):
    """The keyword arguments real Norse takes for cls(...) (its __init__ and the bases **kwargs goes
    to), and the TypeError it raises for one it does not take, with {name} for the name."""
    import inspect

    names = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        params = inspect.signature(init).parameters
        names |= {p for p in params if p not in ("self", "args", "kwargs")}
        if not any(p.kind == p.VAR_KEYWORD for p in params.values()):
            break
    try:
        cls(*args, zz_not_a_name=1)
    except TypeError as err:
        return sorted(names), str(err).replace("zz_not_a_name", "{name}")
    raise AssertionError(f"{cls.__name__} took an unknown keyword argument")


KWARGS = {
    "norse.torch.LIF": keyword_arguments(norse.torch.LIF),
    "norse.torch.LI": keyword_arguments(norse.torch.LI),
    "norse.torch.LIFRecurrent": keyword_arguments(norse.torch.LIFRecurrent, 2, 3),
}

out = pathlib.Path(__file__).resolve().parents[2] / "workers/python/torch/_real_names.py"
lines = [
    f'"""Public names of real torch {torch.__version__.split("+")[0]} and norse {norse.__version__}, written by',
    "test/python/list_torch_names.py (do not edit by hand). A name in here that the local runtime lacks",
    'is "not available here"; a name not in here does not exist (AttributeError)."""',
    "",
    "NAMES = {",
]
for space, names in spaces.items():
    lines.append(f"    {space!r}: frozenset((")
    lines += [f"        {chunk + ' '!r}" for chunk in textwrap.wrap(" ".join(names), 92)]
    lines.append("    ).split()),")
lines.append("}")
lines += ["", "# keyword arguments real Norse takes, and the TypeError it raises for any other ({name})", "KWARGS = {"]
for where, (names, message) in KWARGS.items():
    lines.append(f"    {where!r}: (frozenset({names!r}), {message!r}),")
lines.append("}")
out.write_text("\n".join(lines) + "\n")
print(f"wrote {out} ({sum(len(v) for v in spaces.values())} names)")
