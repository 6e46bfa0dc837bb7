#!/usr/bin/env bash
# HeliosCS knowledge figures through the gateway, in one run of the suite: retrieval quality of the
# search modes and of chat/process over bench/support/quality, search latency over an organization
# of BENCH_SUPPORT_PASSAGES passages against the bare PostgreSQL full-text query, chat/process
# latency, and a large PDF's upload until it is searchable (bench/support/SupportBench.java).
# Starts the suite with ./run (the jars must be built) and stops it afterwards; needs nothing else
# on the suite's ports. Sizes: BENCH_SUPPORT_* (see bench/README.md), e.g.
#   BENCH_SUPPORT_PASSAGES=2000 BENCH_SUPPORT_PDF_MB=0.5 bench/support-knowledge.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/$RUN_ID-support"
mkdir -p "$OUT"
. "$ROOT/bin/find-jdk"

# The quality set and the filler are checked first (offline, a few seconds).
if ! "$JAVA_HOME/bin/java" bench/support/SupportBench.java check > "$OUT/check.txt" 2>&1; then
  cat "$OUT/check.txt" >&2
  echo "✖ the quality set or the filler did not pass its check" >&2
  exit 1
fi

for port in 8080 8106; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "✖ port $port is taken: another suite is running; stop it (or wait for it) and try again" >&2
    exit 1
  fi
done

# The PostgreSQL driver for the bare full-text timings, from the local Maven repository.
PG_JAR=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null \
  | grep -v -e sources -e javadoc | sort -V | tail -n 1 || true)
[ -n "$PG_JAR" ] || echo "! no PostgreSQL driver in ~/.m2: the bare full-text query is not measured" >&2

# HeliosCS's rate limits (100 requests a minute per user, chat 50, uploads 10) would make the run
# wait most of the time: they are raised out of reach, still checked in Redis on every request.
# BENCH_SUPPORT_RAISE_LIMITS=0 keeps them (the bench then waits out every 429; slow).
if [ "${BENCH_SUPPORT_RAISE_LIMITS:-1}" != 0 ]; then
  export SPRING_APPLICATION_JSON='{"dealflow":{"gateway":{"rate-limit":{"policies":{"helioscs":{"limit":1000000000},"helioscs-chat":{"limit":1000000000},"helioscs-uploads":{"limit":1000000000}}}}}}'
fi

# BENCH_SUPPORT_RUN_ARGS: more ./run options, e.g. --jvm-args "-XX:+UseSerialGC -Xmx512m".
eval "extra=(${BENCH_SUPPORT_RUN_ARGS:-})"
./run --no-build --color never --logs "$ROOT/$OUT/logs" ${extra[@]+"${extra[@]}"} > "$OUT/run.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "Dealflow is up" "$OUT/run.log" && break
  kill -0 $launcher 2>/dev/null || { echo "✖ ./run exited; see $OUT/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Dealflow is up" "$OUT/run.log" || { echo "✖ the suite did not start" >&2; exit 1; }
password=$(sed -n 's/^.*Demo password  *//p' "$OUT/run.log" | head -n 1 | sed 's/[[:space:]]*$//')
[ -n "$password" ] || { echo "✖ no demo password in $OUT/run.log" >&2; exit 1; }

set +e
BENCH_SUPPORT_PASSWORD="$password" BENCH_SUPPORT_RUN_ID="$RUN_ID" BENCH_SUPPORT_OUT="$OUT" \
BENCH_SUPPORT_DB_ENV="${DEALFLOW_STATE_DIR:-$ROOT/.devstack}/env/support.env" \
  "$JAVA_HOME/bin/java" ${PG_JAR:+-cp "$PG_JAR"} bench/support/SupportBench.java \
  | tee "$OUT/bench.log"
status=${PIPESTATUS[0]}
set -e
echo "figures: $OUT/figures.txt; details: $OUT/quality.tsv, $OUT/latencies.tsv"
exit "$status"
