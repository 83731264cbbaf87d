#!/usr/bin/env bash
# A research site of 200 reports (the flagship example each, see
# examples/gen_site.rs): the median build time with hyperfine, and the
# size of the index page's search data. Figures go in
# docs/performance.md#research-sites by hand.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reports="${REPORTS:-200}"
site="$(mktemp -d)/site"
trap 'rm -rf "$(dirname "$site")"' EXIT

cd "$root"
cargo build --release --bin findings --example gen_site
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
"$target/release/examples/gen_site" --reports "$reports" --out "$site"
bin="$target/release/findings"

hyperfine --warmup 2 --runs "${RUNS:-15}" --export-json "$site.json" \
  "$bin build --project $site"
python3 - "$site.json" "$site/output/index.html" <<'PY'
import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
page = open(sys.argv[2], encoding="utf-8").read()
start = page.index('id="search-data">') + len('id="search-data">')
data = page[start:page.index("</script>", start)].encode()
print(f"median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs")
print(f"search data {len(data):,} bytes ({len(data) / 1e6:.2f} MB); index page {len(page.encode()):,} bytes")
PY
# Two builds, one output: byte-identical.
first="$(sha256sum "$site/output/index.html" | cut -d' ' -f1)"
"$bin" build --project "$site" > /dev/null
[ "$first" = "$(sha256sum "$site/output/index.html" | cut -d' ' -f1)" ] && echo "byte-identical across builds"
