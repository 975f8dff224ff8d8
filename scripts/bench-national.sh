#!/usr/bin/env bash
# National-scale benchmark (issue 14): for each N, ImportBenchmark's generator for three chains over all counties
# (8·N rows), loaded with the online importer (N ≤ 100000) or the bulk load (larger N; LOADER=importer|bulk forces
# one), then the application on that data: snapshot builds (time, heap), diagnosis p50/p99 per scope, targets
# p50/p99; one JVM per N, one table at the end with growth factors. Stops by itself. See docs/scale.md.
# Usage: scripts/bench-national.sh [N ...]   (default 10000 100000 1000000; heap HEAP, default 3g, 8g from 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
WORK="$(realpath -m "${WORK:-target/bench-national}")"
mkdir -p "$WORK"
RESULTS="$WORK/results-$(date +%Y%m%d-%H%M%S).tsv"
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for N in "${SIZES[@]}"; do
  loader="${LOADER:-$([ "$N" -le 100000 ] && echo importer || echo bulk)}"
  heap="${HEAP:-$([ "$N" -ge 1000000 ] && echo 8g || echo 3g)}"
  echo "=== N = $N ($loader, heap $heap); $(uptime)"
  java "-Xmx$heap" -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} -cp "$CP" \
    com.chainatlas.ingest.NationalBenchmark "$N" "$loader" "$WORK/n$N" "$RESULTS"
done
echo "=== results ($RESULTS); $(uptime)"
java -cp "$CP" com.chainatlas.ingest.NationalBenchmark --table "$RESULTS"
