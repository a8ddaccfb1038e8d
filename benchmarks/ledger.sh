#!/usr/bin/env bash
# Ledger benchmark (issue #5), inside the real platform on the embedded MariaDB:
#   transfers/s with 1, 8 and 32 clients, one entry per transaction and batched, p50/p99;
#   as-of balance and listing of an account with 100,000 operations.
# Build first: mvn -B -ntp verify (or package -DskipTests). Settings: SECONDS (default 10), OPERATIONS (100000).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
BENCH=$(ls benchmarks/ledger/target/qyzmet.benchmark.ledger-*.jar | head -1)
DATA=$(mktemp -d -p "$PWD/distribution/target" ledger-bench.XXXX)
trap 'rm -rf "$DATA"' EXIT
mkdir -p "$DATA/deploy" && cp "$BENCH" "$DATA/deploy/"
# the benchmark bundle is this build's own, unsigned: deployment accepts it only with signatures not required
QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$DATA" QYZMET_HTTPS_PORT=${PORT:-18643} \
QYZMET_BENCHMARK_SECONDS=${SECONDS_PER_SCENARIO:-10} QYZMET_BENCHMARK_OPERATIONS=${OPERATIONS:-100000} \
  java -jar "$JAR" 2>&1 | grep -vE '^(Nov|Dec|Jan|INFO|[0-9]{4}-[0-9]{2}-[0-9]{2}T)' | grep -v '^\s*$' || true
