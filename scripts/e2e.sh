#!/usr/bin/env bash
# End-to-end tests: starts the portal on its own ports (frontend :3100,
# backend :7107, a throw-away SQLite folder) so it never collides with a
# portal you are running, loads the demo org, and drives Debian's Chromium
# with playwright-core through tests/e2e/*.test.mjs (node's test runner).
# Writes <results>/e2e.json with the counts. Called by scripts/test.sh.
# ASPM_E2E_FILES picks test files (default: all of tests/e2e/*.test.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_toolchain
cd "$ASPM_ROOT"
results="${1:-$ASPM_ROOT/.data/test-results}"
mkdir -p "$results"
count_tests() { grep -cE "^\s*(it|test)\(" tests/e2e/*.test.mjs | awk -F: '{s+=$2} END {print s+0}'; }
write_counts() { printf '{"passed":%s,"failed":%s,"skipped":%s}\n' "$1" "$2" "$3" >"$results/e2e.json"; }

source "$ASPM_ROOT/scripts/lib/chromium.sh"
ensure_chromium
if [ -z "$ASPM_CHROMIUM" ]; then
  log "end-to-end tests SKIPPED: no Chromium found (install the chromium package, or set ASPM_CHROMIUM to its path)"
  write_counts 0 0 "$(count_tests)"
  exit 0
fi

work="$results/e2e-portal"
rm -rf "$work" && mkdir -p "$work/sqlite" "$results/screenshots"
export ASPM_E2E_TOKEN="e2e-$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')"
export ASPM_E2E_APP=http://localhost:3100 ASPM_E2E_BACKEND=http://localhost:7107
export ASPM_E2E_SHOTS="$results/screenshots"
cat >"$work/app-config.e2e.yaml" <<YAML
app:
  baseUrl: $ASPM_E2E_APP
backend:
  baseUrl: $ASPM_E2E_BACKEND
  listen:
    port: 7107
  cors:
    origin: $ASPM_E2E_APP
  database:
    client: better-sqlite3
    connection:
      directory: $work/sqlite
  auth:
    externalAccess:
      - type: static
        options:
          token: $ASPM_E2E_TOKEN
          subject: e2e-tests
YAML

log "end-to-end: starting the portal on :3100 / :7107"
setsid backstage-cli repo start --config "$ASPM_ROOT/app-config.yaml" --config "$work/app-config.e2e.yaml" >"$work/portal.log" 2>&1 &
portal=$!
stop_portal() { kill -- "-$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; }
trap stop_portal EXIT

ready=0
for _ in $(seq 1 240); do
  if curl -fs "$ASPM_E2E_BACKEND/.backstage/health/v1/readiness" >/dev/null 2>&1 &&
    curl -fs "$ASPM_E2E_APP" >/dev/null 2>&1; then ready=1; break; fi
  if ! kill -0 "$portal" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ready" != 1 ]; then
  log "end-to-end: the portal did not start; last lines of its log:"
  tail -40 "$work/portal.log" >&2
  write_counts 0 1 0
  exit 1
fi

set +e
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/e2e.tap" \
  ${ASPM_E2E_FILES:-tests/e2e/*.test.mjs}
rc=$?
set -e
pass=$(sed -n 's/^# pass //p' "$results/e2e.tap" | tail -1)
fail=$(sed -n 's/^# fail //p' "$results/e2e.tap" | tail -1)
cancelled=$(sed -n 's/^# cancelled //p' "$results/e2e.tap" | tail -1)
fail=$(( ${fail:-1} + ${cancelled:-0} ))
skip=$(sed -n 's/^# skipped //p' "$results/e2e.tap" | tail -1)
write_counts "${pass:-0}" "${fail:-1}" "${skip:-0}"
log "end-to-end: ${pass:-0} passed, ${fail:-?} failed; screenshots in $ASPM_E2E_SHOTS"
if [ "$rc" != 0 ]; then tail -60 "$work/portal.log" | grep -iE "error|warn" | tail -20 >&2 || true; fi
exit $rc
