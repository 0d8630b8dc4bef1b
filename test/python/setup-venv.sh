#!/usr/bin/env bash
# Create or update the project's Python environment: <repo>/.venv with real NEST 3.10
# (the reference simulator the tests in test/nest compare against) and NEST Server's
# dependencies and the Jupyter kernel gateway with ipykernel, all pinned in
# test/python/requirements.txt.
#
#   bash test/python/setup-venv.sh        # idempotent; prints the venv's python path last
#
# Idempotent: when .venv already holds exactly these requirements (a stamp with their hash) and
# NEST imports, nothing is installed. pip's download cache (~/.cache/pip, or PIP_CACHE_DIR) is
# used as usual, so a rebuilt venv does not download the wheels again.
# PYTHON=/path/to/python3 picks the interpreter the venv is made from (default: python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${SPIKEBLOCKS_VENV:-$root/.venv}"
requirements="$here/requirements.txt"
python="${PYTHON:-python3}"
stamp="$venv/.spikeblocks-requirements"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-venv: $python not found; install Python 3 (3.10-3.13) with the venv module" >&2
  exit 1
fi

want="$(cat "$requirements"; "$python" -c 'import sys; print(sys.version)')"
want_hash="$(printf '%s' "$want" | sha256sum | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want_hash" ]] \
  && "$venv/bin/python" -c 'import nest' >/dev/null 2>&1 \
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
echo "setup-venv: ready (NEST $version, jupyter kernelgateway $gateway)" >&2
echo "$venv/bin/python"
