#!/usr/bin/env bash
# Install what the tests need and run every test suite; the single entry named in the README:
#
#   npm install && npm test              # npm test runs this script
#   bash test/run-all.sh [GROUP...]      # groups: typecheck node nest e2e browser (default: all)
#
# Steps: check /usr/bin/chromium (or $CHROME_PATH) → test/python/setup-venv.sh (.venv with real
# NEST 3.10; skipped when up to date) → tsc --noEmit → node:test over test/node, test/nest,
# test/e2e → @web/test-runner over test/browser in Chromium.
# The last line printed is `N passed, N failed`, summed over every suite that ran (the type check
# counts as one test). Exit status is non-zero when anything failed or when no test ran at all.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"

groups=("$@")
[[ ${#groups[@]} -eq 0 ]] && groups=(typecheck node nest e2e browser)
wants() { local g; for g in "${groups[@]}"; do [[ "$g" == "$1" ]] && return 0; done; return 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/spikeblocks-tests.XXXXXX")"
trap 'rm -rf "$work"' EXIT

total_pass=0
total_fail=0
summary=()

# add NAME PASSED FAILED: record one suite's counts.
add() {
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
  # (not in the `N passed, N failed` form: only the very last line may look like that)
  summary+=("$(printf '  %-10s pass %4d   fail %4d' "$1" "$2" "$3")")
}

section() { printf '\n===== %s =====\n' "$1"; }

# --- prerequisites -----------------------------------------------------------------------------
chromium="${CHROME_PATH:-/usr/bin/chromium}"
if wants browser || wants e2e; then
  if [[ ! -x "$chromium" ]]; then
    echo "run-all: $chromium not found. Install Debian's Chromium (as root):" >&2
    echo "    apt-get update && apt-get install -y chromium" >&2
    echo "or point CHROME_PATH at a Chromium/Chrome binary. (.ci/run installs it.)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

if wants nest; then
  section "python venv (real NEST 3.10, Norse 1.1 on torch 2.15)"
  if ! bash test/python/setup-venv.sh >/dev/null; then
    echo "run-all: test/python/setup-venv.sh failed; the NEST tests cannot run" >&2
    add venv 0 1
  fi
fi

# --- type check --------------------------------------------------------------------------------
if wants typecheck; then
  section "typecheck: tsc --noEmit"
  if tsc --noEmit; then
    echo "typecheck: ok"
    add typecheck 1 0
  else
    echo "typecheck: FAILED (errors above)"
    add typecheck 0 1
  fi
fi

# --- node:test suites --------------------------------------------------------------------------
# run_node GROUP: every test/GROUP/*.test.ts in one node --test run. Progress goes to the screen
# (spec reporter); the counts come from a TAP copy (`# pass N`, `# fail N`, `# cancelled N`).
run_node() {
  local group="$1"
  shopt -s nullglob
  local files=("test/$group"/*.test.ts)
  shopt -u nullglob
  section "$group: node --test (${#files[@]} files)"
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "no test files in test/$group"
    return
  fi
  local tap="$work/$group.tap"
  # End-to-end files one at a time: each drives a whole app in Chromium (some with NEST servers
  # simulating for seconds), and their timing checks (Stop within half a second) must not race
  # another file's load on a 2-core machine.
  local concurrency=()
  [[ "$group" == e2e ]] && concurrency=(--test-concurrency=1)
  node --import tsx --test --test-timeout=900000 "${concurrency[@]}" \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" \
    "${files[@]}"
  local status=$?
  local pass fail cancelled
  pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n1)
  fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n1)
  cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -n1)
  pass=${pass:-0}
  fail=$(( ${fail:-0} + ${cancelled:-0} ))
  # node exiting non-zero with nothing counted as failed (a crash, a timeout) is still a failure.
  if [[ $status -ne 0 && $fail -eq 0 ]]; then fail=1; fi
  add "$group" "$pass" "$fail"
}

for group in node nest e2e; do
  wants "$group" && run_node "$group"
done

# --- browser tests -----------------------------------------------------------------------------
if wants browser; then
  section "browser: web-test-runner in $chromium"
  counts="$work/wtr.json"
  WTR_COUNTS_FILE="$counts" web-test-runner --config web-test-runner.config.mjs
  status=$?
  if [[ -f "$counts" ]]; then
    pass=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1])).passed))' "$counts")
    fail=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1])).failed))' "$counts")
  else
    echo "browser: the test runner wrote no counts (it did not get to run the tests)"
    pass=0
    fail=1
  fi
  if [[ $status -ne 0 && $fail -eq 0 ]]; then fail=1; fi
  add browser "$pass" "$fail"
fi

# --- summary -----------------------------------------------------------------------------------
section "summary"
printf '%s\n' "${summary[@]}"
echo "run-all: $SECONDS s"
if [[ $((total_pass + total_fail)) -eq 0 ]]; then
  echo "run-all: no test ran" >&2
fi
echo "$total_pass passed, $total_fail failed"
[[ $total_fail -eq 0 && $total_pass -gt 0 ]]
