#!/usr/bin/env bash
# Import benchmark: importer (validation on) vs Neo4j LOAD CSV on the same generated rows.
# Usage: scripts/bench-import.sh [N enterprises, default 100000] [work dir, default target/bench]
# Needs a built test classpath (compiles it if missing). Runs with a 2 GB heap: the goal is to stay within it.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
WORK="${2:-target/bench}"
./mvnw -q -o -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  || ./mvnw -q -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -XX:+UseG1GC --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.ingest.ImportBenchmark "$N" "$WORK"
