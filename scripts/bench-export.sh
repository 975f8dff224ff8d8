#!/usr/bin/env bash
# Export benchmark: N enterprises (default 671000) on a fresh embedded database, then /api/export/enterprises
# as .csv and .xlsx over HTTP (twice each): time, size, time to first byte, load. Stops by itself.
# Usage: scripts/bench-export.sh [N, default 671000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.system.ExportBenchmark "${1:-671000}"
