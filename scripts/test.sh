#!/usr/bin/env bash
# Runs the whole test suite: type-check, lint, unit + integration tests (jest;
# store tests on SQLite and, when a server answers, PostgreSQL), and the
# end-to-end tests in headless Chromium against a freshly started portal.
# Installs what it needs first. Ends with a line "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_toolchain
cd "$ASPM_ROOT"
export CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1
results="$ASPM_ROOT/.data/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
step_failures=0

# --- PostgreSQL for the store tests ---------------------------------------
pg_line="$(node scripts/lib/postgres.js "${ASPM_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}")"
if [ -n "$pg_line" ]; then
  export "${pg_line%% *}"
  log "PostgreSQL ${pg_line##* } answers: store tests run on SQLite and PostgreSQL"
else
  log "WARNING: no PostgreSQL at ${ASPM_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}: store tests run on SQLite only"
fi

# --- real fixtures ----------------------------------------------------------
shared="${ASPM_SHARED_DIR:-$ASPM_ROOT/../shared}"
if [ -d "$shared/fixtures/real" ]; then
  export ASPM_SHARED_DIR="$(cd "$shared" && pwd)"
  log "real fixtures: $ASPM_SHARED_DIR/fixtures/real"
else
  log "NOTICE: no real fixtures at $shared/fixtures/real: the cases that read them are SKIPPED (set ASPM_SHARED_DIR)"
fi

# --- type-check and lint ----------------------------------------------------
log "type-check (tsc)"
if ! tsc --noEmit -p .; then status=1; step_failures=$((step_failures + 1)); log "type-check FAILED"; fi
log "lint (eslint, all packages)"
if ! backstage-cli repo lint; then status=1; step_failures=$((step_failures + 1)); log "lint FAILED"; fi

# --- unit and integration tests (jest) ---------------------------------------
log "unit and integration tests (jest)"
if ! backstage-cli repo test --runInBand --json --outputFile="$results/jest.json" "$@"; then status=1; fi

# --- end-to-end tests in Chromium ---------------------------------------------
if [ "${ASPM_SKIP_E2E:-}" = "1" ]; then
  log "end-to-end tests SKIPPED (ASPM_SKIP_E2E=1)"
else
  if bash scripts/e2e.sh "$results"; then :; else status=1; fi
fi

# --- summary ------------------------------------------------------------------
node scripts/lib/summary.js "$results" "$step_failures"
exit $status
