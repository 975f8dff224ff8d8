#!/usr/bin/env bash
# Load benchmark (issue 13): CLIENTS clients (default 50) for SECONDS (default 60) on loopback over diagnosis, targets,
# the enterprise list and the chain endpoints for several chains and regions, with an enterprise import alongside
# (its time compared with the same import alone). Starts the app as a child JVM on a fresh data directory with the
# demo data unless --url is given (loopback only). Prints per endpoint count, errors, 429s, p50/p95/p99. Stops by itself.
# Usage: scripts/bench-load.sh [clients=50] [seconds=60] [--url http://127.0.0.1:8080] [--jar target/app.jar] [--http-threads N]
#                              [--import-rows 20000] [--heap 2g] [--bound 300] [--keep-data] [--chains NEV,IC] [--regions 340100,...]
# Sign-in (when the app has it): BENCH_USER (default admin) / BENCH_PASSWORD (default $CHAINATLAS_ADMIN_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
build() {
  ./mvnw -q "$@" -Dfrontend.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    && ./mvnw -q "$@" dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/app-classpath.txt
}
build -o || build
mkdir -p target/bench-load
exec java -Xmx1g -XX:+UseG1GC -Xlog:gc:file=target/bench-load/bench-gc.log ${BENCH_OPTS:-} -Dbench.appClasspath="target/classes:$(cat target/app-classpath.txt)" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chainatlas.system.bench.LoadBenchmark "$@"
