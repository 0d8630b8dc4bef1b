"""Make (or check) the parity fixtures: what real NEST answers for each parity program.

    .venv/bin/python test/parity/make_fixtures.py all             every program in programs/
    .venv/bin/python test/parity/make_fixtures.py NAME [NAME...]  only these (NAME or NAME.py)
    .venv/bin/python test/parity/make_fixtures.py stale           programs whose fixture is missing
                                                                  or older than the program text
    .venv/bin/python test/parity/make_fixtures.py --check all     re-run real NEST, compare with
                                                                  the stored fixtures, write nothing

Each program (and each seed of a stochastic one) runs in a fresh Python interpreter, so no NEST
state (nodes, kernel settings, the RNG) can leak from one run into the next — the same as a
learner starting the program on its own. The format of programs and fixtures is described in
test/parity/README.md.

--check exits 1 when anything drifted: a fixture missing or made by another NEST version, a
program edited since its fixture was made, a compare header changed, or real NEST now giving
different numbers for the same program and seed (which would make the fixture meaningless).
With --json, --check prints one line `PARITY_CHECK {...}` with the verdict per program.
"""
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
FIXTURES = os.path.join(HERE, "fixtures")
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
MARKER = "PARITY_RESPONSE "
RUN_TIMEOUT_S = 600

# The seed line stochastic programs carry; the harness rewrites its number (both sides alike).
SEED_LINE = re.compile(r"^SEED\s*=\s*\d+[ \t]*$", re.MULTILINE)


class ProgramError(Exception):
    """A program that cannot be turned into a fixture (bad header, failed on NEST, ...)."""


# --- program text -------------------------------------------------------------------------------

def parse_header(source, name):
    """The `# parity:` and `# compare:` lines of a program's leading comment block."""
    parity = None
    compare = None
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header is the comment block at the top
        body = stripped.lstrip("#").strip()
        if body.startswith("parity:"):
            parity = body[len("parity:"):].strip()
        elif body.startswith("compare:"):
            compare = parse_compare(body[len("compare:"):].strip(), name)
    if not parity:
        raise ProgramError(f"{name}: no '# parity: ...' line at the top")
    if compare is None:
        raise ProgramError(f"{name}: no '# compare: ...' line at the top")
    return parity, compare


def parse_compare(text, name):
    words = text.split()
    if not words or words[0] not in ("values", "stats"):
        raise ProgramError(f"{name}: compare must be 'values rtol=...' or 'stats seeds=N', got {text!r}")
    options = {}
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if not sep:
            raise ProgramError(f"{name}: compare option {word!r} is not key=value")
        options[key] = value
    if words[0] == "values":
        unknown = set(options) - {"rtol", "atol"}
        if unknown or "rtol" not in options:
            raise ProgramError(f"{name}: values needs rtol= (and optionally atol=), got {text!r}")
        compare = {"mode": "values", "rtol": float(options["rtol"])}
        if "atol" in options:
            compare["atol"] = float(options["atol"])
        return compare
    unknown = set(options) - {"seeds"}
    if unknown or "seeds" not in options or int(options["seeds"]) < 2:
        raise ProgramError(f"{name}: stats needs seeds=N (N >= 2), got {text!r}")
    return {"mode": "stats", "seeds": int(options["seeds"])}


def with_seed(source, seed, name):
    """The program with its `SEED = ...` line set to `seed`."""
    if len(SEED_LINE.findall(source)) != 1:
        raise ProgramError(f"{name}: a stats program needs exactly one line 'SEED = 1'")
    return SEED_LINE.sub(f"SEED = {seed}", source, count=1)


def sha256(source):
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


# --- running one program on real NEST (in a child interpreter) -------------------------------------

def child_main(path, seed):
    """Runs in the child: exec the program (seed substituted) and print its response."""
    sys.path.insert(0, os.path.join(REPO_ROOT, "test", "lib"))
    from nest_response import plain  # numpy arrays → lists, as every NEST-side test does

    with open(path, encoding="utf-8", newline="") as f:
        source = f.read()
    if seed is not None:
        source = with_seed(source, seed, os.path.basename(path))
    scope = {"__name__": "__main__", "__file__": path}
    exec(compile(source, path, "exec"), scope)
    if "response" not in scope:
        raise SystemExit(f"{path}: the program did not assign `response`")
    import nest

    line = {"response": json_safe(plain(scope["response"])), "nest_version": nest.__version__}
    sys.stdout.write(MARKER + json.dumps(line, allow_nan=False) + "\n")
    sys.stdout.flush()


NON_FINITE = {math.inf: "Infinity", -math.inf: "-Infinity"}


def json_safe(value):
    """JSON has no inf or nan (NEST uses inf for stop, V_min, ...): they are stored as the strings
    "Infinity", "-Infinity" and "NaN" (JavaScript's names), which the comparer matches with the
    local engine's numbers."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else NON_FINITE[value]
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value


def run_on_nest(path, seed=None):
    """(response, nest_version) of one fresh-interpreter run of the program."""
    args = [sys.executable, os.path.abspath(__file__), "--child", path]
    if seed is not None:
        args += ["--seed", str(seed)]
    # One thread: results must not depend on the machine's core count.
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONUNBUFFERED="1")
    proc = subprocess.run(args, cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S)
    lines = [l for l in proc.stdout.splitlines() if l.startswith(MARKER)]
    if proc.returncode != 0 or len(lines) != 1:
        where = os.path.basename(path) + ("" if seed is None else f" (seed {seed})")
        tail = (proc.stderr.strip() or proc.stdout.strip())[-3000:]
        raise ProgramError(f"{where}: failed on real NEST (exit {proc.returncode}):\n{tail}")
    line = json.loads(lines[0][len(MARKER):])
    return line["response"], line["nest_version"]


def statistics_of(response, where):
    """A stats program's response: a flat dict of named finite numbers."""
    if not isinstance(response, dict) or not response:
        raise ProgramError(f"{where}: a stats program's response must be a non-empty dict of numbers")
    for key, value in response.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ProgramError(f"{where}: response[{key!r}] must be a finite number, got {value!r}")
    return response


# --- fixtures -------------------------------------------------------------------------------------

def make_fixture(name):
    path = os.path.join(PROGRAMS, name + ".py")
    with open(path, encoding="utf-8", newline="") as f:
        source = f.read()
    parity, compare = parse_header(source, name)
    fixture = {"program": name, "parity": parity, "sha256": sha256(source), "compare": compare}
    if compare["mode"] == "values":
        response, version = run_on_nest(path)
        fixture["nest_version"] = version
        fixture["values"] = response
        return fixture
    with_seed(source, 1, name)  # fails early on a missing SEED line
    seeds = list(range(1, compare["seeds"] + 1))
    samples = None
    versions = set()
    for seed in seeds:
        response, version = run_on_nest(path, seed)
        versions.add(version)
        stats = statistics_of(response, f"{name} (seed {seed})")
        if samples is None:
            samples = {key: [] for key in stats}
        if set(stats) != set(samples):
            raise ProgramError(f"{name}: seed {seed} gives statistics {sorted(stats)}, seed 1 gave {sorted(samples)}")
        for key, value in stats.items():
            samples[key].append(value)
    fixture["nest_version"] = versions.pop()
    fixture["stats"] = {"seeds": seeds, "samples": samples}
    return fixture


def dumps(value, indent=0):
    """JSON with one line per dict entry and every list of plain numbers on one line: readable
    headers, compact arrays. Floats are written by repr, so they read back bit for bit."""
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(str(k))}: {dumps(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + dumps(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, separators=(", ", ": "), allow_nan=False)


def fixture_path(name):
    return os.path.join(FIXTURES, name + ".json")


def write_fixture(fixture):
    os.makedirs(FIXTURES, exist_ok=True)
    with open(fixture_path(fixture["program"]), "w", encoding="utf-8") as f:
        f.write(dumps(fixture) + "\n")


def first_difference(a, b, path="response"):
    """Where two JSON values differ (exactly), or None."""
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{path}: keys {list(a)} vs {list(b)}"
        for k in a:
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def check_fixture(name):
    """None when the stored fixture is what real NEST gives now, else what drifted."""
    try:
        with open(fixture_path(name), encoding="utf-8") as f:
            stored = json.load(f)
    except FileNotFoundError:
        return f"no fixture: run make_fixtures.py {name}"
    with open(os.path.join(PROGRAMS, name + ".py"), encoding="utf-8", newline="") as f:
        source = f.read()
    if stored.get("sha256") != sha256(source):
        return f"program edited since its fixture was made: run make_fixtures.py {name}"
    fresh = make_fixture(name)
    if stored.get("nest_version") != fresh["nest_version"]:
        return f"fixture made by NEST {stored.get('nest_version')}, this NEST is {fresh['nest_version']}"
    for key in ("parity", "compare"):
        if stored.get(key) != fresh[key]:
            return f"{key} changed: {stored.get(key)!r} vs {fresh[key]!r}"
    body = "values" if fresh["compare"]["mode"] == "values" else "stats"
    difference = first_difference(stored.get(body), fresh[body], body)
    if difference:
        return f"real NEST now gives different numbers (stored vs now) at {difference}"
    return None


def is_stale(name):
    """No fixture, or one made from another text of the program."""
    try:
        with open(fixture_path(name), encoding="utf-8") as f:
            stored = json.load(f)
    except (FileNotFoundError, ValueError):
        return True
    with open(os.path.join(PROGRAMS, name + ".py"), encoding="utf-8", newline="") as f:
        return stored.get("sha256") != sha256(f.read())


def program_names():
    return sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))


def main(argv):
    if len(argv) >= 2 and argv[0] == "--child":
        seed = int(argv[3]) if len(argv) >= 4 and argv[2] == "--seed" else None
        child_main(argv[1], seed)
        return 0
    check = "--check" in argv
    as_json = "--json" in argv
    names = [a for a in argv if not a.startswith("--")]
    if not names:
        raise SystemExit(__doc__)
    known = program_names()
    if names == ["all"]:
        names = known
    elif names == ["stale"]:
        names = [n for n in known if is_stale(n)]
    names = [n[:-3] if n.endswith(".py") else os.path.basename(n) for n in names]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"no such program in {PROGRAMS}: {', '.join(unknown)}")

    failures = 0
    verdicts = {}
    for name in names:
        started = time.perf_counter()
        try:
            if check:
                problem = check_fixture(name)
            else:
                write_fixture(make_fixture(name))
                problem = None
        except (ProgramError, subprocess.TimeoutExpired) as error:
            problem = str(error)
        seconds = time.perf_counter() - started
        verdicts[name] = {"ok": problem is None, "problem": problem, "seconds": round(seconds, 2)}
        if problem:
            failures += 1
            print(f"FAIL {name} ({seconds:.1f} s): {problem}", file=sys.stderr)
        else:
            print(f"ok   {name} ({seconds:.1f} s){' unchanged' if check else ''}", file=sys.stderr)
    if check and names == known and os.path.isdir(FIXTURES):
        # A fixture without a program is left over from a renamed or removed program.
        for f in sorted(os.listdir(FIXTURES)):
            if f.endswith(".json") and f[:-5] not in known:
                failures += 1
                verdicts[f[:-5]] = {"ok": False, "problem": "fixture without a program", "seconds": 0}
                print(f"FAIL {f}: fixture without a program in programs/", file=sys.stderr)
    if as_json:
        print("PARITY_CHECK " + json.dumps(verdicts))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
