#!/usr/bin/env bash
# The whole test suite: Rust unit and integration tests, then the
# real-browser tests (headless Chromium; installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets

if [ -f tests/browser/run.sh ]; then
  bash tests/browser/run.sh
fi
