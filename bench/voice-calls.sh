#!/usr/bin/env bash
# Voice Sales Trainer figures through the gateway, in one run of the suite: one call of ten turns
# (turn latency, speech-to-text real-time factor), then 20 calls at once streaming in real time
# (lost chunks, turn latency under load). Starts the suite with ./run (the jars must be built) and
# stops it afterwards; needs nothing else on the suite's ports.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SESSIONS=${BENCH_VOICE_SESSIONS:-20}
TURNS=${BENCH_VOICE_TURNS:-3}
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-voice"
mkdir -p "$OUT"
. "$ROOT/bin/find-jdk"

./run --no-build --color never --logs "$ROOT/$OUT/logs" > "$OUT/run.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "Dealflow is up" "$OUT/run.log" && break
  kill -0 $launcher 2>/dev/null || { echo "✖ ./run exited; see $OUT/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Dealflow is up" "$OUT/run.log" || { echo "✖ the suite did not start" >&2; exit 1; }

echo "one call, ten turns:" | tee "$OUT/figures.txt"
"$JAVA_HOME/bin/java" bench/voice/VoiceBench.java http://localhost:8080 1 10 | tee -a "$OUT/figures.txt"
echo "$SESSIONS calls at once, $TURNS turns each:" | tee -a "$OUT/figures.txt"
"$JAVA_HOME/bin/java" bench/voice/VoiceBench.java http://localhost:8080 "$SESSIONS" "$TURNS" \
  | tee -a "$OUT/figures.txt"
echo "raw outputs: $OUT"
