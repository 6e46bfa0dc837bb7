#!/usr/bin/env bash
# deal.won commit -> /ws/events message and -> signed webhook receipt (p50/p99), beside raw Kafka
# produce -> consume latency on the same broker, in one run. Starts the suite with ./run (the jars
# must be built) and stops it afterwards; needs nothing else on the suite's ports.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# The gateway allows a user 120 API calls a minute; each deal takes two.
COUNT=${BENCH_DEALS:-50}
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-latency"
mkdir -p "$OUT"
. "$ROOT/bin/find-jdk"
(cd bench/sockets && npm ci --no-audit --no-fund --silent)

./run --no-build --color never --logs "$ROOT/$OUT/logs" > "$OUT/run.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  grep -q "Dealflow is up" "$OUT/run.log" && break
  kill -0 $launcher 2>/dev/null || { echo "✖ ./run exited; see $OUT/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Dealflow is up" "$OUT/run.log" || { echo "✖ the suite did not start" >&2; exit 1; }
bootstrap=$(sed -n 's/^│ Kafka *\([^ ]*\).*/\1/p' "$OUT/run.log" | head -n 1)

password=$(sed -n 's/^demo.password=//p' .devstack/secrets.properties)
token=$(curl -s -X POST http://localhost:8080/api/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@demo.dealflow.local\",\"password\":\"$password\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
org=7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01

node bench/sockets/latency.mjs http://localhost:8080 "$token" "$org" "$bootstrap" "$COUNT" | tee "$OUT/figures.txt"
echo "raw outputs: $OUT"
