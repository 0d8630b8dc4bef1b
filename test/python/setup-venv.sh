#!/usr/bin/env bash
# Create or update the project's Python environment: <repo>/.venv with real NEST 3.10
# (the reference simulator the tests in test/nest compare against) and NEST Server's
# dependencies and the Jupyter kernel gateway with ipykernel, all pinned in
# test/python/requirements.txt; then real Norse 1.1 on a CPU PyTorch 2.15, pinned in
# test/python/requirements-norse.txt (installed with --no-deps: that file says why).
#
#   bash test/python/setup-venv.sh        # idempotent; prints the venv's python path last
#
# Idempotent: when .venv already holds exactly these requirements (a stamp with the hash of both
# files) and NEST and Norse are there, nothing is installed and it takes about a second.
# Rebuilding the venv downloads everything again (~2.6 GB, most of it torch and its CUDA
# libraries): pip's HTTP cache stores nothing for PyPI's file host here (measured Dec 2026, pip
# 23.2 and 25.3: the host answers without Cache-Control/ETag, so nothing is cached; only the
# norse wheel pip builds from its sdist lands in ~/.cache/pip/wheels). Keep the venv between runs
# (CI: cache .venv keyed on the hash of both requirements files), or point pip at a wheelhouse
# made by `pip download` (PIP_FIND_LINKS=DIR, pip's own variable, is honoured).
# PYTHON=/path/to/python3 picks the interpreter the venv is made from (default: python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${SPIKEBLOCKS_VENV:-$root/.venv}"
requirements="$here/requirements.txt"
requirements_norse="$here/requirements-norse.txt"
python="${PYTHON:-python3}"
stamp="$venv/.spikeblocks-requirements"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-venv: $python not found; install Python 3 (3.11-3.13) with the venv module" >&2
  exit 1
fi
# torch 2.15.0 (requirements-norse.txt) has wheels for Python >= 3.11 only; say so before pip does.
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup-venv: $("$python" --version 2>&1) is too old: torch 2.15.0 needs Python 3.11 or newer (PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

want="$(cat "$requirements" "$requirements_norse"; "$python" -c 'import sys; print(sys.version)')"
want_hash="$(printf '%s' "$want" | sha256sum | cut -d' ' -f1)"

# Cheap check for the up-to-date case: the installed distributions' versions (importing torch takes
# 2.5-9 s; the full import is proved once, after installing, below).
torch_pin="$(sed -n 's/^torch==//p' "$requirements_norse")"
norse_pin="$(sed -n 's/^norse==//p' "$requirements_norse")"
norse_installed="import importlib.metadata as m, sys; sys.exit(not (m.version('torch') == '$torch_pin' and m.version('norse') == '$norse_pin'))"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want_hash" ]] \
  && "$venv/bin/python" -c 'import nest' >/dev/null 2>&1 \
  && "$venv/bin/python" -c "$norse_installed" >/dev/null 2>&1 \
  && [[ -f "$venv/share/jupyter/kernels/python3/kernel.json" ]]; then
  echo "setup-venv: $venv is up to date" >&2
  echo "$venv/bin/python"
  exit 0
fi

if [[ ! -x "$venv/bin/python" ]]; then
  echo "setup-venv: creating $venv from $("$python" --version 2>&1)" >&2
  "$python" -m venv "$venv"
fi

echo "setup-venv: installing $(grep -cv '^\s*\(#\|$\)' "$requirements") pinned packages" >&2
# --disable-pip-version-check / --no-input: CI has no stdin and must not stop to ask anything.
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet \
  -r "$requirements" >&2

# Prove the result before stamping it: NEST must import and be the pinned version.
version="$("$venv/bin/python" -c 'import nest, sys; sys.stdout.write(nest.__version__)' 2>/dev/null | tail -n1)"
if [[ "$version" != "3.10.0" ]]; then
  echo "setup-venv: expected NEST 3.10.0 in $venv, found '${version}'" >&2
  exit 1
fi

echo "setup-venv: installing $(grep -cv '^\s*\(#\|$\)' "$requirements_norse") pinned packages for Norse (torch with its CUDA libraries: ~2.5 GB, a minute or two)" >&2
# --no-deps: the list is complete by hand (requirements-norse.txt says why); with deps pip would
# add ~0.5 GB of CUDA/triton wheels that CPU use never loads.
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet --no-deps \
  -r "$requirements_norse" >&2

# Prove it: torch and norse import (torch dlopens its CUDA libraries here, so a missing nvidia
# wheel shows up now, not in a test) and are the pinned versions (torch.__version__ carries the
# build's local tag, 2.15.0+cu132). -W ignore: under torch 2.15 norse's import warns that
# torch.jit.script is deprecated.
norse_versions="$("$venv/bin/python" -W ignore -c 'import torch, norse, sys; sys.stdout.write(torch.__version__.split("+")[0] + " " + norse.__version__)' 2>/dev/null | tail -n1)"
if [[ "$norse_versions" != "$torch_pin $norse_pin" ]]; then
  echo "setup-venv: expected torch $torch_pin and norse $norse_pin in $venv, found '${norse_versions}'" >&2
  "$venv/bin/python" -W ignore -c 'import torch, norse' >&2 || true
  exit 1
fi

# The gateway starts kernels from the first "python3" kernelspec it finds; without one in the venv
# it would fall back to ipykernel's built-in spec, which runs sys.executable (the venv's python)
# but only while that stays true. Installing the venv's own spec into the venv prefix makes the
# kernel's python, and so `import nest`, not depend on a user's ~/.local/share/jupyter.
"$venv/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Spikeblocks venv)" >&2
gateway="$("$venv/bin/jupyter" kernelgateway --version 2>/dev/null | tail -n1)"
if [[ -z "$gateway" ]]; then
  echo "setup-venv: jupyter kernelgateway does not run in $venv" >&2
  exit 1
fi
printf '%s' "$want_hash" >"$stamp"
echo "setup-venv: ready (NEST $version, torch/norse $norse_versions, jupyter kernelgateway $gateway)" >&2
echo "$venv/bin/python"
