#!/usr/bin/env bash
# Whole-process time of `dateline extract` on a 2 KB article: what a user waits for when
# extracting one file. Prints the mean over RUNS runs (default 50).
#
#   bench/events/process_time.sh [BINARY]      (default: target/release/dateline)
set -euo pipefail
bin=${1:-target/release/dateline}
runs=${RUNS:-50}
article=$(mktemp)
trap 'rm -f "$article"' EXIT
# A 2 KB Italian article of our own (the demo story's first 2 KB).
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read().encode()[:2048]; sys.stdout.write(t.decode("utf-8", "ignore"))' demo/articles/seed-it.txt >"$article"
"$bin" extract --published 2024-09-27 "$article" >/dev/null
start=$(date +%s%N)
for _ in $(seq "$runs"); do
  "$bin" extract --published 2024-09-27 "$article" >/dev/null
done
end=$(date +%s%N)
echo "dateline extract, 2 KB article: $(( (end - start) / runs / 1000000 )) ms per process (mean of $runs)"
