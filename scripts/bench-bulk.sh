#!/usr/bin/env bash
# Bulk load vs online importer on the same generated files, in one run (see docs/scale.md, "Bulk national load").
# Usage: scripts/bench-bulk.sh [N enterprises, default 100000] [work dir, default target/bench-bulk]
# 1. scripts/bench-import.sh's generator and importer (validation on, importer only, JIT warm-up), 8·N rows;
# 2. scripts/bulk-load.sh on the same files into a new data directory; 3. rows/s of each and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
WORK="$(realpath -m "${2:-target/bench-bulk}")"
echo "load before: $(uptime)"
BENCH_OPTS="-Dbench.importerOnly=true ${BENCH_OPTS:-}" scripts/bench-import.sh "$N" "$WORK" | tee "$WORK.importer.log"
echo "load between: $(uptime)"
F="$WORK/import"
# build the bulk tool's class path now, so the timed run below is the command alone
./mvnw -q -o -Dfrontend.skip=true compile dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile=target/bulk-runtime-classpath.txt
rm -rf "$WORK/db-bulk"
start=$(date +%s.%N)
scripts/bulk-load.sh --into "$WORK/db-bulk" --chains "$F/chains.csv" --segments "$F/segments.csv" --products "$F/products.csv" \
  --enterprises "$F/enterprises.csv" --enterprise-segments "$F/enterprise-segments.csv" \
  --enterprise-products "$F/enterprise-products.csv" --supplies "$F/supplies.csv" | tee "$WORK.bulk.log"
end=$(date +%s.%N)
echo "load after: $(uptime)"
importer=$(grep -oP '^importer: \K[0-9.]+(?= s)' "$WORK.importer.log")
awk -v n="$N" -v imp="$importer" -v s="$start" -v e="$end" 'BEGIN {
  rows = 8 * n; bulk = e - s;
  printf "N = %d enterprises, %d rows (enterprises, memberships, products, 5 supplies each)\n", n, rows;
  printf "online importer (validation on, warm JVM): %8.1f s %10.0f rows/s\n", imp, rows / imp;
  printf "bulk load (validation + import full, cold JVM, whole command): %8.1f s %10.0f rows/s\n", bulk, rows / bulk;
  printf "ratio bulk / importer = %.1f\n", imp / bulk }'
