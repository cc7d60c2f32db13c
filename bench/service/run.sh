#!/usr/bin/env bash
# Service benchmark (not part of `cargo xtask test`): wrk against `dateline serve`
# (GET /api/events?person=…) and against nginx serving the very same JSON as a static file,
# both on loopback in the same run, over a store of 100,000 synthetic events.
#
#   bench/service/run.sh                 # build, generate, ingest (once), measure
#   ARTICLES=1000 DURATION=5s bench/service/run.sh
#
# Settings (environment): ARTICLES (10 events each; default 10000), DURATION (default 10s),
# CONNECTIONS (default 32), THREADS (wrk threads, default 2), PERSON (default maria-drummond),
# BENCH_DIR (default target/bench-service), DATELINE_BIN (a built binary: no build). Installs wrk and nginx with apt-get if missing.
# Goal: the service at least half of nginx's requests/s, its p99 under 20 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PERSON=${PERSON:-maria-drummond}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench-service}" && cd "${BENCH_DIR:-target/bench-service}" && pwd)

need() {
    command -v "$1" >/dev/null && return
    echo "== installing $2 (apt-get)"
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -q >/dev/null; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need nginx nginx
need curl curl

if [ -n "${DATELINE_BIN:-}" ]; then
    BIN=$(realpath "$DATELINE_BIN")
else
    echo "== building the release binary"
    if [ -e /tmp/dateline-cargo.lock ]; then
        flock /tmp/dateline-cargo.lock cargo build --release -q -p dateline
    else
        cargo build --release -q -p dateline
    fi
    BIN=$ROOT/target/release/dateline
fi

if [ ! -f "$WORK/store.db" ] || [ "$(cat "$WORK/store.articles" 2>/dev/null)" != "$ARTICLES" ]; then
    echo "== generating $ARTICLES articles and ingesting them"
    rm -f "$WORK"/store.db*
    python3 bench/service/gen_articles.py "$ARTICLES" > "$WORK/articles.jsonl"
    start=$(date +%s%N)
    "$BIN" ingest --db "$WORK/store.db" "$WORK/articles.jsonl"
    echo "ingest took $(( ($(date +%s%N) - start) / 1000000 )) ms"
    echo "$ARTICLES" > "$WORK/store.articles"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$APP_PORT" --db "$WORK/store.db" > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$APP_PORT/api/health" >/dev/null && break; sleep 0.1; done

# The same service without its response cache, to show what the store itself does.
NOCACHE_PORT=$(free_port)
RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$NOCACHE_PORT" --db "$WORK/store.db" --cache-mb 0 > "$WORK/serve-nocache.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$NOCACHE_PORT/api/health" >/dev/null && break; sleep 0.1; done

QUERY="/api/events?person=$PERSON"
mkdir -p "$WORK/static"
chmod 755 "$WORK" "$WORK/static"
curl -sf "http://127.0.0.1:$APP_PORT$QUERY" > "$WORK/static/events.json"
EVENTS=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['events']))" "$WORK/static/events.json")
TOTAL=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM timeline_events').fetchone()[0])" "$WORK/store.db")

cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/static;
        default_type application/json;
    }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$NGINX_PORT/events.json" >/dev/null && break; sleep 0.1; done
cmp -s <(curl -sf "http://127.0.0.1:$NGINX_PORT/events.json") "$WORK/static/events.json"
cmp -s <(curl -sf "http://127.0.0.1:$NOCACHE_PORT$QUERY") "$WORK/static/events.json"

measure() { # name url -> "rps p99_ms"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$2" >/dev/null # warm-up
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" > "$WORK/wrk-$1.txt"
    python3 - "$WORK/wrk-$1.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", t).group(1))
v, unit = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", t, re.M).groups()
ms = float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if errors:
    sys.exit(f"{sys.argv[1]}: {errors.group(1)} error responses")
print(f"{rps:.0f} {ms:.2f}")
PY
}

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION: $EVENTS events, $(wc -c < "$WORK/static/events.json") bytes per response; store: $TOTAL timeline events"
read -r NGINX_RPS NGINX_P99 < <(measure nginx "http://127.0.0.1:$NGINX_PORT/events.json")
read -r APP_RPS APP_P99 < <(measure dateline "http://127.0.0.1:$APP_PORT$QUERY")
read -r RAW_RPS RAW_P99 < <(measure nocache "http://127.0.0.1:$NOCACHE_PORT$QUERY")
printf '%-58s %12s %10s\n' target requests/s "p99 ms"
printf '%-58s %12s %10s\n' "nginx  /events.json (static file)" "$NGINX_RPS" "$NGINX_P99"
printf '%-58s %12s %10s\n' "dateline $QUERY" "$APP_RPS" "$APP_P99"
printf '%-58s %12s %10s\n' "dateline --cache-mb 0 (every request queries SQLite)" "$RAW_RPS" "$RAW_P99"
python3 - "$APP_RPS" "$NGINX_RPS" "$APP_P99" <<'PY'
import sys
app, nginx, p99 = map(float, sys.argv[1:])
ratio = app / nginx
ok = ratio >= 0.5 and p99 < 20
print(f"dateline / nginx = {ratio:.2f} (goal >= 0.50); p99 {p99:.2f} ms (goal < 20): {'PASS' if ok else 'MISS'}")
PY
