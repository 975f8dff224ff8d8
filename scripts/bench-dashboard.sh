#!/usr/bin/env bash
# Dashboard benchmark: a province with 10,000 projects (and 2,500 leads) over its cities and counties written into a
# fresh embedded Neo4j (demo data), then GET /api/dashboard p50/p99 over N warm calls for the province and a city.
# Usage: scripts/bench-dashboard.sh [N calls, default 60] [projects, default 10000] [province, default 340000]
# Needs a built test classpath (compiles it if missing). Goal: p50/p99 ≤ 300 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.dashboard.bench.DashboardBenchmark "${1:-60}" "${2:-10000}" "${3:-340000}"
