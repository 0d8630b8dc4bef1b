"""Run PyNEST programs on the real NEST in this venv and print each program's `response`.

    python test/lib/nest_response.py PROGRAM.py [PROGRAM.py ...]

Each program runs unmodified, as NEST Server's /exec would run it: as a fresh module whose
global `response` is the result (programs call nest.ResetKernel() themselves). For each program
one line is printed to stdout:

    RESPONSE {"file": "PROGRAM.py", "response": {...}, "simulate_s": 0.012}

numpy arrays become lists. simulate_s is the wall time spent inside nest.Simulate (benchmarks).
Everything else NEST prints (banner, log lines) is left alone; readers look for the marker.
"""
import json
import runpy
import sys
import time
import types

import nest


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return plain(value.tolist())
    return value


def main(files):
    real_simulate = nest.Simulate
    spent = [0.0]

    def timed_simulate(t):
        start = time.perf_counter()
        try:
            return real_simulate(t)
        finally:
            spent[0] += time.perf_counter() - start

    # The nest module refuses attribute assignment (it guards against typos such as
    # nest.resolutoin = 0.1); ModuleType's own __setattr__ goes around that guard.
    types.ModuleType.__setattr__(nest, "Simulate", timed_simulate)
    for path in files:
        spent[0] = 0.0
        scope = runpy.run_path(path, run_name="__main__")
        if "response" not in scope:
            raise SystemExit(f"{path}: the program did not assign `response`")
        line = {"file": path, "response": plain(scope["response"]), "simulate_s": spent[0]}
        sys.stdout.write("RESPONSE " + json.dumps(line) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
