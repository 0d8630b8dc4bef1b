"""Run Norse programs on the real Norse 1.1 / PyTorch in this venv and print each one's `response`.

    python test/python/run_norse.py [--threads N] [--repeat K] PROGRAM.py [PROGRAM.py ...]

Each program runs unmodified, as a Jupyter kernel or Norse Server would run it: as a fresh module
whose global `response` is the result. All programs share one process, because `import torch`
takes 2.5-9 s and the programs seed torch's generator themselves (torch.manual_seed). For each
program one line is printed to stdout:

    RESPONSE {"file": "PROGRAM.py", "response": {...}, "run_s": [0.16, ...]}

run_s holds the wall time of each of the K runs of the program (default K = 1; the response is
the last run's). Tensors and numpy values become lists and numbers (a contract-shaped program
has converted them already with .tolist()); NaN and infinities become null, as JSON has neither.
--threads sets torch.set_num_threads before the first program (default: torch's own choice).
"""
import argparse
import json
import math
import runpy
import sys
import time
import warnings

# Under torch 2.15, importing norse.torch warns that torch.jit.script is deprecated: harmless, and
# it would only clutter the test output.
warnings.filterwarnings("ignore", message=".*torch.jit.script.*")
import torch  # noqa: E402


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, torch.Tensor):
        return plain(value.detach().tolist())
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return plain(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    for path in args.files:
        times = []
        scope = {}
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            scope = runpy.run_path(path, run_name="__main__")
            times.append(time.perf_counter() - start)
        if "response" not in scope:
            raise SystemExit(f"{path}: the program did not assign `response`")
        line = {
            "file": path,
            "response": plain(scope["response"]),
            "run_s": times,
            "threads": torch.get_num_threads(),
            "torch": torch.__version__,
        }
        sys.stdout.write("RESPONSE " + json.dumps(line, allow_nan=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
