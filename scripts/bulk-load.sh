#!/usr/bin/env bash
# Bulk national load: validates the files with the importer's rules, then `neo4j-admin database import full`
# (in-process) into a NEW data directory that the app then opens (CHAINATLAS_DATA_DIR). See docs/scale.md.
# Usage: scripts/bulk-load.sh --into DATA_DIR [--chains F] [--segments F] [--products F] [--enterprises F]
#                             [--enterprise-segments F] [--enterprise-products F] [--supplies F]
# Heap: BULK_HEAP (default 4g; live heap measured at 1M enterprises / 5M supplies: ~330 MB validating, ~550 MB importing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/com/chainatlas/bulk/BulkLoad.class ] || [ ! -f target/bulk-classpath.txt ]; then
  ./mvnw -q -o -Dfrontend.skip=true compile dependency:build-classpath -Dmdep.outputFile=target/bulk-classpath.txt \
    || ./mvnw -q -Dfrontend.skip=true compile dependency:build-classpath -Dmdep.outputFile=target/bulk-classpath.txt
fi
exec java -Xmx"${BULK_HEAP:-4g}" -XX:+UseParallelGC --add-opens=java.base/java.nio=ALL-UNNAMED ${BULK_OPTS:-} \
  -cp "target/classes:$(cat target/bulk-classpath.txt)" com.chainatlas.bulk.BulkLoad "$@"
