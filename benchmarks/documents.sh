#!/usr/bin/env bash
# Documents benchmark (issue #6), inside the real platform on the embedded MariaDB:
#   the account extract of 50 positions from request to PDF bytes (p50/p99), and a
#   100,000-operation PDF report: time from confirmation to stored document, heap growth.
# One client confirms hundreds of extracts a minute here: the per-identity confirmation-code limit (120 an hour) is lifted for the run.
# Build first: mvn -B -ntp package -DskipTests. Settings: SECONDS_PER_SCENARIO (default 10), OPERATIONS (100000).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
BENCH=$(ls benchmarks/platform/target/qyzmet.benchmark.platform-*.jar | head -1)
PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')#9"
data=$(mktemp -d -p "$PWD/distribution/target" documents-bench.XXXX)
mkdir -p "$data/deploy" && cp "$BENCH" "$data/deploy/"
QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$data" QYZMET_HTTPS_PORT=${PORT:-18644} QYZMET_HTTP_PORT=${HTTP_PORT:-18081} \
  QYZMET_AUTH_ADMIN_PASSWORD="$PASSWORD" QYZMET_AUTH_ADMIN_PHONE=+77000000009 \
  QYZMET_BENCHMARK_SUITE=documents QYZMET_BENCHMARK_PORT=${HTTP_PORT:-18081} QYZMET_BENCHMARK_ADMIN_PASSWORD="$PASSWORD" \
  QYZMET_BENCHMARK_SECONDS=${SECONDS_PER_SCENARIO:-10} QYZMET_BENCHMARK_OPERATIONS=${OPERATIONS:-100000} \
  QYZMET_JOBS_POLL_MILLIS=200 QYZMET_AUTH_CONFIRMATION_CODES_PER_HOUR=1000000 \
  java -jar "$JAR" 2>&1 | grep -vE '^(Nov|Dec|Jan|INFO|WARN|[0-9]{4}-[0-9]{2}-[0-9]{2}T|\[)' | grep -v '^\s*$' || true
rm -rf "$data"
