#!/usr/bin/env bash
# Target-ranking benchmark: cold first call, then p50/p99 over N warm calls (service and HTTP), demo data.
# Usage: scripts/bench-targets.sh [N, default 30] [chain, default NEV] [region, default 340100]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.targeting.TargetRankingBenchmark "${1:-30}" "${2:-NEV}" "${3:-340100}"
