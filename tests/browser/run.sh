#!/usr/bin/env bash
# Real-browser tests of findings: live reload, offline report,
# accessibility and save-to-reload latency, with node's test runner.
#
# Works from a fresh clone: installs Chromium when missing, the npm
# packages from the lock file, and builds the binary unless FINDINGS_BIN
# names one. FINDINGS_PROJECT picks another project to test.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Chromium"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

(cd "$here" && npm ci --no-audit --no-fund)

if [ -z "${FINDINGS_BIN:-}" ]; then
  # The browser tests drive the page and serve, never the PDF writer:
  # without Typst the release build takes minutes instead of a quarter hour.
  (cd "$root" && cargo build --release --bin findings --no-default-features)
  target="${CARGO_TARGET_DIR:-target}"
  case "$target" in /*) ;; *) target="$root/$target" ;; esac
  export FINDINGS_BIN="$target/release/findings"
fi

cd "$here"
exec node --test --test-concurrency=1 ./*.test.js
