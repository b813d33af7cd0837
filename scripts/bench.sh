#!/usr/bin/env bash
# Runs a benchmark script (not a test): scripts/bench.sh ingest
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_toolchain
if [ "${1:-}" = browser ]; then
  source "$ASPM_ROOT/scripts/lib/chromium.sh"
  ensure_chromium
  [ -n "$ASPM_CHROMIUM" ] || { log "no Chromium found: install the chromium package, or set ASPM_CHROMIUM"; exit 1; }
fi
cd "$ASPM_ROOT/plugins/aspm-backend"
exec node --max-old-space-size=4096 --require "$ASPM_ROOT/node_modules/@backstage/cli/config/nodeTransform.cjs" "bench/${1:-ingest}Bench.ts"
