"""A small `norse` for the Spikeblocks local runtime: `import norse.torch as norse` gives the
layers and encoders the Norse blocks generate, computed by the TypeScript kernel in float32
exactly as Norse 1.1 computes them. Everything else says it needs a real Norse backend."""

from . import torch  # noqa: F401  (norse.torch is the API)

__version__ = "1.1.0+spikeblocks.local"


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    from torch._bridge import missing

    raise missing("norse", name)
