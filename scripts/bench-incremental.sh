#!/usr/bin/env bash
# Incremental snapshot benchmark (issue 14): full snapshot build vs delta after imports of k = 1,000 and 10,000 rows.
# Usage: scripts/bench-incremental.sh [N enterprises, default 100000]   (1000000 needs about 6 GB of heap: HEAP=8g)
# BENCH_DB=<dir> generates the database once into <dir> and reuses it on later runs; a second argument --generate-only stops after generating.
# --bulk-loaded instead: BENCH_DB is a data directory made by scripts/bulk-load.sh from ImportBenchmark's files (no generation).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"; shift || true
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java "-Xmx${HEAP:-3g}" -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.analysis.IncrementalSnapshotBenchmark "$N" "$@"
