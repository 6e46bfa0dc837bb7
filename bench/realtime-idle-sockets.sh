#!/usr/bin/env bash
# Holds BENCH_SOCKETS (default 10,000) idle /ws/events sockets on one realtime-service instance and
# prints the memory each costs: resident set growth, and live heap growth after a full GC.
# Goal: <= 20 KiB per socket. Needs the jars built (./run --build once) and nothing else on 8107.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

COUNT=${BENCH_SOCKETS:-10000}
# query: the token on the handshake URL; message: a first {"type":"auth","token"} message.
AUTH=${BENCH_AUTH:-query}
HOLD=${BENCH_HOLD_SECONDS:-20}
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-sockets"
mkdir -p "$OUT"

# Each side (client and service) holds one descriptor per socket.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((COUNT + 2000)) ]; then
  echo "✖ $(ulimit -n) open files allowed; $COUNT sockets need about $((COUNT + 2000))" >&2
  exit 1
fi
. "$ROOT/bin/find-jdk"
(cd bench/sockets && npm ci --no-audit --no-fund --silent)

# One user holds every socket: the per-user limit is raised for this run only.
export DEALFLOW_REALTIME_SOCKETS_MAX_PER_USER_EVENTS=$((COUNT + 10))
./run --services realtime --no-build --color never --logs "$ROOT/$OUT/logs" \
  --jvm-args "-XX:+UseSerialGC -Xss512k -Xmx768m -XX:NativeMemoryTracking=summary" \
  > "$OUT/run.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  grep -q "Dealflow is up" "$OUT/run.log" && break
  kill -0 $launcher 2>/dev/null || { echo "✖ ./run exited; see $OUT/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Dealflow is up" "$OUT/run.log" || { echo "✖ realtime-service did not start" >&2; exit 1; }
pid=$(pgrep -f 'realtime-service-.*\.jar' | head -n 1)

secrets=.devstack/secrets.properties
token=$(curl -s http://localhost:8180/realms/dealflow/protocol/openid-connect/token \
  -d grant_type=password -d client_id=dealflow-identity \
  -d "client_secret=$(sed -n 's/^keycloak.identity-client.secret=//p' $secrets)" \
  -d username=rep@demo.dealflow.local -d "password=$(sed -n 's/^demo.password=//p' $secrets)" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
heap_kib() {
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  # Serial GC prints one line per generation ("DefNew total ..., used 31005K", "Tenured ...").
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info \
    | awk '/^(DefNew|Tenured)/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); gsub("[K,]","",v); sum+=v}} END {print sum}'
}
# Memory outside the Java heap that the JVM committed (Netty's direct buffers, thread stacks, ...).
native_kib() {
  "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary \
    | awk '/^Total:/ {for (i=1;i<=NF;i++) if ($i ~ /^committed=/) {v=$i; gsub("committed=|KB,?","",v); total=v}}
           /- +Java Heap/ {for (i=1;i<=NF;i++) if ($i ~ /^committed=/) {v=$i; gsub("committed=|KB\\)?,?","",v); heap=v}}
           END {print total-heap}'
}

# Warm up the code paths with a few sockets first, so that class loading and JIT are not counted.
node bench/sockets/idle-sockets.mjs ws://localhost:8107/ws/events "$token" 200 2 50 "$AUTH" > "$OUT/warmup.log"
sleep 2
rss_before=$(rss_kib); heap_before=$(heap_kib); native_before=$(native_kib)

fifo="$OUT/sockets.out"
node bench/sockets/idle-sockets.mjs ws://localhost:8107/ws/events "$token" "$COUNT" "$HOLD" 200 "$AUTH" \
  > "$fifo" 2> "$OUT/sockets.err" &
client=$!
for _ in $(seq 1 600); do
  grep -q "^ready" "$fifo" 2>/dev/null && break
  sleep 1
done
sleep 5
rss_after=$(rss_kib); heap_after=$(heap_kib); native_after=$(native_kib)
# What the heap holds while the sockets are open, for finding what a socket costs.
"$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram > "$OUT/class-histogram.txt"
wait $client || true

admitted=$(awk '/^ready/ {print $2}' "$fifo")
held=$(awk '/^held/ {print $2}' "$fifo")
echo
echo "sockets admitted:        ${admitted:-0} of $COUNT (held to the end: ${held:-0}; token: $AUTH)"
echo "resident set:            ${rss_before} KiB -> ${rss_after} KiB"
echo "live heap after full GC: ${heap_before} KiB -> ${heap_after} KiB"
echo "committed outside heap:  ${native_before} KiB -> ${native_after} KiB"
if [ "${admitted:-0}" -gt 0 ]; then
  awk -v a="$admitted" -v r0="$rss_before" -v r1="$rss_after" -v h0="$heap_before" \
    -v h1="$heap_after" -v n0="$native_before" -v n1="$native_after" 'BEGIN {
    printf "per socket:              %.1f KiB live heap + %.1f KiB outside the heap = %.1f KiB (goal <= 20 KiB)\n", (h1-h0)/a, (n1-n0)/a, (h1-h0+n1-n0)/a
    printf "                         %.1f KiB resident set growth (includes heap capacity grown under load)\n", (r1-r0)/a }'
fi
echo "raw outputs:             $OUT"
