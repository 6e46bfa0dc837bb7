#!/usr/bin/env bash
# VectorOS analytics figures in one run of the suite (bench/insights/InsightsBench.java): crm commit
# -> pipeline analytics lag, how fast insights-service applies BENCH_INSIGHTS_DEALS deals' events,
# the analytics routes' latency at that volume, and the operator's rebuild of the read model from
# the topics. Starts the suite with ./run (the jars must be built) and stops it afterwards; needs
# nothing else on the suite's ports. The deals stay in the demo organization (./run --reset clears
# the devstack state).
#   BENCH_INSIGHTS_DEALS=500000 bench/insights-analytics.sh     # a rebuild of 1,000,000 events
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/$RUN_ID-insights"
mkdir -p "$OUT"
. "$ROOT/bin/find-jdk"

jar() {
  ls "$HOME"/.m2/repository/"$1"/*/"$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e -tests\? -e -test\.jar \
    | sort -V | tail -n 1
}
KAFKA_JAR=$(jar org/apache/kafka/kafka-clients kafka-clients)
SLF4J_JAR=$(jar org/slf4j/slf4j-api slf4j-api)
[ -n "$KAFKA_JAR" ] && [ -n "$SLF4J_JAR" ] \
  || { echo "✖ kafka-clients and slf4j-api must be in ~/.m2 (build the suite first)" >&2; exit 1; }

for port in 8080 8105; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "✖ port $port is taken: another suite is running; stop it and try again" >&2
    exit 1
  fi
done

# VectorOS routes count against the organization's plan (starter: 1,000 requests an hour); the
# bench makes tens of thousands, so the plans are raised out of reach (still counted in Redis).
export SPRING_APPLICATION_JSON='{"dealflow":{"gateway":{"rate-limit":{"plans":{"starter":1000000000,"pro":1000000000,"scale":1000000000,"enterprise":1000000000}}}}}'

eval "extra=(${BENCH_INSIGHTS_RUN_ARGS:-})"
./run --no-build --color never --logs "$ROOT/$OUT/logs" ${extra[@]+"${extra[@]}"} > "$OUT/run.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "Dealflow is up" "$OUT/run.log" && break
  kill -0 $launcher 2>/dev/null || { echo "✖ ./run exited; see $OUT/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Dealflow is up" "$OUT/run.log" || { echo "✖ the suite did not start" >&2; exit 1; }

state=${DEALFLOW_STATE_DIR:-$ROOT/.devstack}
BENCH_INSIGHTS_PASSWORD=$(sed -n 's/^demo.password=//p' "$state/secrets.properties") \
BENCH_INSIGHTS_OPS_SECRET=$(sed -n 's/^keycloak.ops-client.secret=//p' "$state/secrets.properties") \
BENCH_INSIGHTS_KAFKA=$(sed -n 's/^│ Kafka *\([^ ]*\).*/\1/p' "$OUT/run.log" | head -n 1) \
BENCH_INSIGHTS_KEYCLOAK=$(sed -n 's/^.*Keycloak: embedded [^ ]* on \(http[^ ]*\).*/\1/p' "$OUT/run.log" | head -n 1) \
BENCH_INSIGHTS_OUT="$OUT" \
  "$JAVA_HOME/bin/java" -cp "$KAFKA_JAR:$SLF4J_JAR" bench/insights/InsightsBench.java \
  | tee "$OUT/bench.log"
echo "figures: $OUT/figures.txt"
