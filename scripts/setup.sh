#!/usr/bin/env bash
# Brings a fresh machine to the point where the product runs and its tests pass:
#   - redis-server (Debian package) when missing; with --browser also Debian's chromium for browser tests;
#   - node_modules from the committed lockfile (npm ci), skipped when already in step with it.
# Flags: --ci (always a clean npm ci), --browser (make sure chromium is there).
set -euo pipefail
cd "$(dirname "$0")/.."

ci=false
browser=false
for arg in "$@"; do
  case "$arg" in
    --ci) ci=true ;;
    --browser) browser=true ;;
    *) echo "setup.sh: unknown flag $arg" >&2; exit 2 ;;
  esac
done

apt_install() {
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "setup.sh: please install $* (apt-get install -y $*)" >&2
    exit 1
  fi
  local run=""; [ "$(id -u)" -ne 0 ] && run="sudo"
  echo "setup.sh: installing $* from Debian"
  $run apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $run apt-get install -y -qq "$@" >/dev/null
}

command -v redis-server >/dev/null || apt_install redis-server
if $browser && [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
# Chinese glyphs for the screenshots the browser tests save (Debian's chromium ships no CJK font).
if $browser && ! fc-list :lang=zh 2>/dev/null | grep -q .; then apt_install fonts-wqy-microhei; fi

# npm writes node_modules/.package-lock.json on every install; newer than the lockfile means in step with it.
if $ci || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
