#!/usr/bin/env bash
# Writes what the extractor and the date engine make of every shared text, to prove a
# refactoring changes no output: run it before and after, then `diff -r` the two folders.
#
#   bench/snapshot.sh OUT_DIR [BINARY]     (default binary: target/release/dateline)
#
# OUT_DIR/events/<id>.json is `dateline extract` of every article under ../shared/corpus
# (publication date from its .meta.json); OUT_DIR/dates/<file> is `dateline dates --jsonl`
# over each file of ../shared/bench/temporal.
set -euo pipefail
out=${1:?usage: bench/snapshot.sh OUT_DIR [BINARY]}
bin=${2:-target/release/dateline}
shared=${SHARED:-../shared}
mkdir -p "$out/events" "$out/dates"
find "$shared/corpus" -name '*.txt' | sort | while read -r txt; do
  id=$(basename "$txt" .txt)
  meta=${txt%.txt}.meta.json
  args=()
  if [[ -f $meta ]]; then
    published=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published",""))' "$meta")
    [[ -n $published ]] && args=(--published "$published")
  fi
  "$bin" extract "${args[@]}" "$txt" >"$out/events/$id.json" 2>&1 || true
done
for f in "$shared"/bench/temporal/*.jsonl; do
  "$bin" dates --jsonl <"$f" >"$out/dates/$(basename "$f")"
done
echo "snapshot of $(ls "$out/events" | wc -l) articles and $(ls "$out/dates" | wc -l) date files in $out"
