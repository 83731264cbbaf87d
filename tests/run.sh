#!/usr/bin/env bash
# The whole test suite: Rust unit and integration tests, then the
# real-browser tests (headless Chromium; installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every target but the benchmarks: a bench run in test mode measures
# nothing and takes minutes in a debug build (`cargo bench` runs them;
# they are still compiled here, sharing the tests' dependencies, so a
# bench that no longer builds fails CI).
cargo test --lib --bins --tests --examples
cargo test --benches --no-run

if [ -f tests/browser/run.sh ]; then
  bash tests/browser/run.sh
fi
