#!/usr/bin/env bash
# Bulk national load: validates the files with the importer's rules, then `neo4j-admin database import full`
# (in-process) into a NEW data directory that the app then opens (CHAINATLAS_DATA_DIR). See docs/scale.md.
# Usage: scripts/bulk-load.sh --into DATA_DIR [--chains F] [--segments F] [--products F] [--enterprises F]
#                             [--enterprise-segments F] [--enterprise-products F] [--supplies F]
# Heap: BULK_HEAP (default 4g; live heap measured at 1M enterprises / 5M supplies: ~330 MB validating, ~550 MB importing),
# all of it committed at start, half of it young (BULK_YOUNG, default 2g): the rows are short-lived, and a fixed
# generation size avoids the full collections of a growing heap. Transparent huge pages for the heap (where the kernel
# offers them, "madvise" or "always"): at 1M the kernel's share fell from 29 to 20 CPU-s (fewer page faults while the
# 4 GB heap is first touched). Class path: runtime scope only (no test jars).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=target/bulk-runtime-classpath.txt
if [ ! -f target/classes/com/chainatlas/bulk/BulkLoad.class ] || [ ! -f "$CP" ]; then
  ./mvnw -q -o -Dfrontend.skip=true compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$CP" \
    || ./mvnw -q -Dfrontend.skip=true compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$CP"
fi
HEAP="${BULK_HEAP:-4g}"
exec java -Xms"$HEAP" -Xmx"$HEAP" -Xmn"${BULK_YOUNG:-2g}" -XX:MetaspaceSize=256m -XX:+UseParallelGC -XX:+UseTransparentHugePages \
  --add-opens=java.base/java.nio=ALL-UNNAMED ${BULK_OPTS:-} \
  -cp "target/classes:$(cat "$CP")" com.chainatlas.bulk.BulkLoad "$@"
