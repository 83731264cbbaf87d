#!/usr/bin/env bash
# Whole-process benchmarks of `findings build`, from a fresh clone:
#
#   bash bench/run.sh            # RUNS=10 PANDOC_RUNS=3 by default
#   STAGES=1 bash bench/run.sh   # also the criterion stage benchmarks
#
# Builds release binaries, generates corpora (the example plus N sections /
# M segments of 10/1k, 100/10k, 1000/100k), and times against three
# references on the same Markdown, side by side in one hyperfine run: a
# pulldown-cmark-only program (the floor: examples/floor.rs), Hugo
# (Debian's package) and, up to N=100, pandoc. Then the PDF and Word
# writers on the example and N=100. Prints Markdown tables and writes them
# into docs/performance.md. The method is described there.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
RUNS=${RUNS:-10}
PANDOC_RUNS=${PANDOC_RUNS:-3}
WORK=${BENCH_DIR:-$(mktemp -d)}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$REPO/target}

# Install only what is missing: apt is slow and needs the network.
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pandoc >/dev/null || need+=(pandoc)
command -v hugo >/dev/null || need+=(hugo)
command -v python3 >/dev/null || need+=(python3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update && apt-get install -y "${need[@]}"
fi

cargo build --release --bin findings --example gen_corpus --example floor
BIN=$CARGO_TARGET_DIR/release
FINDINGS=$BIN/findings
FLOOR=$BIN/examples/floor

# pandoc 2.19 renamed --self-contained to --embed-resources.
if pandoc --help | grep -q -- --embed-resources; then
  EMBED=--embed-resources
else
  EMBED=--self-contained
fi

# name sections segments participants
CORPORA=(
  "N10-M1k 10 1000 50"
  "N100-M10k 100 10000 200"
  "N1000-M100k 1000 100000 2000"
)

mkdir -p "$WORK/example"
cp -r "$REPO/content" "$WORK/example/"
for c in "${CORPORA[@]}"; do
  read -r name n m p <<<"$c"
  "$BIN/examples/gen_corpus" --sections "$n" --segments "$m" --participants "$p" \
    --points 1000 --out "$WORK/$name"
done

rows=()
for name in example N10-M1k N100-M10k N1000-M100k; do
  dir=$WORK/$name
  # pandoc gets the section bodies without front matter, concatenated.
  for f in "$dir"/content/sections/*.md; do
    awk 'NR == 1 && /^\+\+\+/ { fm = 1; next } fm && /^\+\+\+/ { fm = 0; next } !fm' "$f"
    echo
  done >"$dir/all.md"
  # Hugo gets the same section files (it reads their TOML front matter)
  # and the smallest layout that renders a page of each.
  hugo_dir=$dir/hugo
  mkdir -p "$hugo_dir/content" "$hugo_dir/layouts/_default"
  cp "$dir"/content/sections/*.md "$hugo_dir/content/"
  printf 'baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n' >"$hugo_dir/hugo.toml"
  printf '<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n' >"$hugo_dir/layouts/_default/single.html"
  printf '<!doctype html><title>{{ .Title }}</title>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n' >"$hugo_dir/layouts/_default/list.html"
  hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/$name.json" \
    -n findings "$FINDINGS build --project $dir --out $dir/output" \
    -n floor "$FLOOR $dir $dir/floor.html" \
    -n hugo "hugo --quiet --source $hugo_dir --destination $hugo_dir/public" >&2
  # pandoc takes minutes at N=1000: up to N=100 only.
  if [ "$name" != N1000-M100k ]; then
    hyperfine --warmup 0 --runs "$PANDOC_RUNS" --export-json "$WORK/$name-pandoc.json" \
      -n pandoc "pandoc --standalone $EMBED --metadata title=bench -o $dir/pandoc.html $dir/all.md" >&2
  else
    echo '{"results": []}' >"$WORK/$name-pandoc.json"
  fi
  rss=$(/usr/bin/time -v "$FINDINGS" build --project "$dir" --out "$dir/output" 2>&1 >/dev/null |
    awk -F': ' '/Maximum resident set size/ { print $2 }')
  floor_rss=$(/usr/bin/time -v "$FLOOR" "$dir" "$dir/floor.html" 2>&1 >/dev/null |
    awk -F': ' '/Maximum resident set size/ { print $2 }')
  md=$(cat "$dir"/content/sections/*.md | wc -c)
  data=$(cat "$dir"/content/data/*.json | wc -c)
  rows+=("$name $WORK/$name.json $WORK/$name-pandoc.json $rss $floor_rss $md $data")
done

table=$(python3 - "${rows[@]}" <<'EOF'
import json, sys

def median(path, name):
    for r in json.load(open(path))["results"]:
        if r["command"] == name:
            return r["median"] * 1000
    return None

print("| corpus | Markdown | JSON | findings (ms) | floor (ms) | Hugo (ms) | pandoc (ms) | findings ÷ floor | Hugo ÷ findings | pandoc ÷ findings | peak RSS findings | peak RSS floor |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in sys.argv[1:]:
    name, runs, pandoc, rss, floor_rss, md, data = row.split()
    f, fl, hu, pd = (median(runs, "findings"), median(runs, "floor"),
                     median(runs, "hugo"), median(pandoc, "pandoc"))
    pd_ms = f"{pd:,.0f}" if pd else "—"
    pd_ratio = f"{pd / f:,.0f}×" if pd else "—"
    print(f"| {name} | {int(md) / 1024:,.0f} KiB | {int(data) / 1024:,.0f} KiB | {f:,.1f} | {fl:,.1f} | {hu:,.1f} | {pd_ms} | {f / fl:,.2f}× | {hu / f:,.1f}× | {pd_ratio} | {int(rss) / 1024:,.1f} MiB | {int(floor_rss) / 1024:,.1f} MiB |")
EOF
)

# The other formats: the page alone, with the PDF, with the Word file.
frows=()
for name in example N100-M10k; do
  dir=$WORK/$name
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/$name-formats.json" \
    -n html "$FINDINGS build --project $dir --out $dir/output --format html" \
    -n pdf "$FINDINGS build --project $dir --out $dir/output --format html,pdf" \
    -n docx "$FINDINGS build --project $dir --out $dir/output --format html,docx" >&2
  frows+=("$name $WORK/$name-formats.json")
done
formats=$(python3 - "${frows[@]}" <<'EOF'
import json, sys
print("| corpus | page (ms) | page + PDF (ms) | page + Word (ms) |")
print("|---|---:|---:|---:|")
for row in sys.argv[1:]:
    name, path = row.split()
    m = {r["command"]: r["median"] * 1000 for r in json.load(open(path))["results"]}
    print(f"| {name} | {m['html']:,.1f} | {m['pdf']:,.1f} | {m['docx']:,.1f} |")
EOF
)
table="$table

$formats"

echo
echo "$table"

# Replace the table between the markers in docs/performance.md.
doc=$REPO/docs/performance.md
if grep -q '<!-- results -->' "$doc"; then
  python3 - "$doc" "$table" "$(date -u +%Y-%m-%d)" "$RUNS" "$PANDOC_RUNS" "$(git rev-parse --short HEAD)" <<'EOF'
import re, sys
doc, table, day, runs, pandoc_runs, commit = sys.argv[1:]
text = open(doc).read()
block = (f"<!-- results -->\nMeasured {day} at commit {commit}; medians of {runs} runs "
         f"({pandoc_runs} for pandoc), side by side in one hyperfine run per corpus.\n\n{table}\n<!-- /results -->")
text = re.sub(r"<!-- results -->.*?<!-- /results -->", lambda _: block, text, flags=re.S)
open(doc, "w").write(text)
EOF
  echo "updated $doc" >&2
fi

# Optionally the per-stage criterion medians, into the same document.
if [ "${STAGES:-0}" = 1 ]; then
  cargo bench --bench stages >&2
  stages=$(python3 - "$CARGO_TARGET_DIR/criterion" <<'EOF'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
print("| benchmark | median |")
print("|---|---:|")
for f in sorted(root.glob("**/new/estimates.json")):
    bench = json.load(open(f.parent / "benchmark.json"))
    ns = json.load(open(f))["median"]["point_estimate"]
    value = f"{ns / 1e6:,.2f} ms" if ns >= 1e5 else f"{ns / 1e3:,.1f} µs"
    print(f"| {bench['full_id']} | {value} |")
EOF
)
  echo "$stages"
  python3 - "$doc" "$stages" <<'EOF'
import re, sys
doc, table = sys.argv[1:]
text = open(doc).read()
text = re.sub(r"<!-- stages -->.*?<!-- /stages -->",
              lambda _: f"<!-- stages -->\n{table}\n<!-- /stages -->", text, flags=re.S)
open(doc, "w").write(text)
EOF
fi
