# Finds Debian's Chromium for the browser tests and benchmarks, installing the
# package with apt once when running as root; exports ASPM_CHROMIUM (empty
# when there is none). Sourced after toolchain.sh (uses its `log`).
ensure_chromium() {
  local found="${ASPM_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
  if [ -z "$found" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's chromium for the browser tests (once)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 || true
    found="$(command -v chromium || true)"
  fi
  export ASPM_CHROMIUM="$found"
}
