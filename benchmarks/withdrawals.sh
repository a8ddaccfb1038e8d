#!/usr/bin/env bash
# Withdrawals benchmark (issue #15), inside the real platform on the embedded MariaDB, in demo mode:
#   confirmed withdrawals per second end to end through REST (request, then confirm with the code: the hold,
#   the payment and the journal in one transaction), p50/p99, with 1 and 8 clients; the simulated bank settles
#   them in the background meanwhile.
# Eight clients confirm thousands of withdrawals a minute here: the per-identity confirmation-code limit is lifted.
# Build first: mvn -B -ntp package -DskipTests. Settings: SECONDS_PER_SCENARIO (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
BENCH=$(ls benchmarks/platform/target/qyzmet.benchmark.platform-*.jar | head -1)
PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')#9"
data=$(mktemp -d -p "$PWD/distribution/target" withdrawals-bench.XXXX)
mkdir -p "$data/deploy" && cp "$BENCH" "$data/deploy/"
QYZMET_MODE=demo QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$data" QYZMET_HTTPS_PORT=${PORT:-18644} \
  QYZMET_HTTP_PORT=${HTTP_PORT:-18081} QYZMET_AUTH_ADMIN_PASSWORD="$PASSWORD" QYZMET_AUTH_ADMIN_PHONE=+77000000009 \
  QYZMET_BENCHMARK_SUITE=withdrawals QYZMET_BENCHMARK_PORT=${HTTP_PORT:-18081} QYZMET_BENCHMARK_ADMIN_PASSWORD="$PASSWORD" \
  QYZMET_BENCHMARK_SECONDS=${SECONDS_PER_SCENARIO:-10} QYZMET_AUTH_CONFIRMATION_CODES_PER_HOUR=1000000 \
  java -jar "$JAR" 2>&1 | grep -vE '^(Nov|Dec|Jan|INFO|WARN|[0-9]{4}-[0-9]{2}-[0-9]{2}T|\[)' | grep -v '^\s*$' || true
rm -rf "$data"
