#!/usr/bin/env bash
# Proves a refactor changed no page: builds the same projects with two
# `findings` binaries and compares every output file byte for byte, and
# what each build printed (with the temporary folder's path made neutral).
#
#   tests/same_pages.sh BASE_BIN NEW_BIN
#   tests/same_pages.sh --ref COMMIT        # builds COMMIT's binary in a worktree
#
# The projects: the flagship example, every fixture with a `content/`,
# every project of tests/corpus (most of them fail: their errors must be
# the same too), the real-shaped study, a 100-section bench corpus with
# 10,000 segments, a research site of 3 reports, `findings new --from` on
# the exports of tests/fixtures/new-from and, when ../shared/samples is
# there, on its .qdpx files. Prints one line per project and exits non-zero
# when any differs.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac

if [ "${1:-}" = "--ref" ]; then
  ref="$2"
  wt="$(mktemp -d)/base"
  git -C "$root" worktree add --detach "$wt" "$ref" >/dev/null
  CARGO_TARGET_DIR="${BASE_TARGET_DIR:-$target-base}" cargo build --release --quiet \
    --manifest-path "$wt/Cargo.toml" --bin findings || exit 2
  base="${BASE_TARGET_DIR:-$target-base}/release/findings"
  git -C "$root" worktree remove --force "$wt"
  (cd "$root" && cargo build --release --quiet --bin findings) || exit 2
  new="$target/release/findings"
else
  base="$(realpath "$1")"
  new="$(realpath "$2")"
fi
(cd "$root" && cargo build --release --quiet --example gen_corpus --example real_shaped --example gen_site) || exit 2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
projects="$work/projects"
mkdir -p "$projects"

# Every project gets its own folder, holding content/ (and themes/).
add() { # name, source folder holding content/
  mkdir -p "$projects/$1"
  cp -r "$2/content" "$projects/$1/"
  [ -d "$2/themes" ] && cp -r "$2/themes" "$projects/$1/"
  true
}
add example "$root"
for d in "$root"/tests/fixtures/*/; do
  [ -d "$d/content" ] && add "fixture-$(basename "$d")" "$d"
done
for d in "$root"/tests/corpus/*/; do
  [ -d "$d/content" ] && add "corpus-$(basename "$d")" "$d"
done
"$target/release/examples/real_shaped" "$projects/real-shaped" >/dev/null
"$target/release/examples/gen_corpus" --sections 100 --segments 10000 --participants 200 \
  --points 1000 --out "$projects/bench-100" >/dev/null
"$target/release/examples/gen_site" --reports 3 --out "$projects/site-3" >/dev/null

# `new --from`: the scaffold each binary writes, then its build.
exports=("$root"/tests/fixtures/new-from/*)
if [ -d "$root/../shared/samples" ]; then
  exports+=("$root"/../shared/samples/*.qdpx)
else
  echo "note: ../shared/samples is absent, so new --from runs on the fixtures only"
fi

run() { # binary, project folder, label → output in $work/out-LABEL/NAME
  local bin="$1" dir="$2" label="$3" name
  name="$(basename "$dir")"
  local out="$work/out-$label/$name"
  mkdir -p "$out"
  cp -r "$dir" "$out/project"
  (cd "$out/project" && "$bin" build --project . >"$out/stdout" 2>"$out/stderr"; echo $? >"$out/status")
  sed -i -e "s#$out/project#PROJECT#g" -e "s/ in [0-9.]* \(ms\|s\)\b/ in TIME/" "$out/stdout" "$out/stderr"
}

status=0
for dir in "$projects"/*/; do
  dir="${dir%/}"
  run "$base" "$dir" base
  run "$new" "$dir" new
done
for export in "${exports[@]}"; do
  name="new-from-$(basename "$export")"
  for label in base new; do
    bin="$base"; [ "$label" = new ] && bin="$new"
    out="$work/out-$label/$name"
    mkdir -p "$out"
    (cd "$out" && "$bin" new --from "$export" project >"$out/stdout" 2>"$out/stderr"; echo $? >"$out/status")
    if [ -d "$out/project" ]; then
      (cd "$out/project" && "$bin" build --project . >>"$out/stdout" 2>>"$out/stderr"; echo $? >>"$out/status")
    fi
    sed -i -e "s#$out#DIR#g" -e "s/ in [0-9.]* \(ms\|s\)\b/ in TIME/" "$out/stdout" "$out/stderr"
  done
done

same=0
for b in "$work"/out-base/*/; do
  name="$(basename "$b")"
  n="$work/out-new/$name"
  if diff -r -q --no-dereference "$b" "$n" >"$work/diff" 2>&1; then
    same=$((same + 1))
  else
    status=1
    echo "DIFFERS: $name"
    sed 's/^/  /' "$work/diff" | head -20
  fi
done
echo "$same of $(ls "$work/out-base" | wc -l) projects byte-identical ($base vs $new)"
exit $status
