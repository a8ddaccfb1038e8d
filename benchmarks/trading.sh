#!/usr/bin/env bash
# Trading benchmark (issue #17), inside the real platform on the embedded MariaDB, in demo mode:
#   orders per second end to end: request + confirm through REST (the checks, the hold, the order), out over
#   FIX 4.4 to the simulated exchange's acceptor on loopback, accepted and filled there, each fill applied back
#   (deal, ledger entry, journal); p50/p99 of confirm -> accepted and confirm -> fill settled, 1 and 8 clients.
# The per-identity confirmation-code limit is lifted (every order is confirmed with its own code).
# Build first: mvn -B -ntp package -DskipTests. Settings: SECONDS_PER_SCENARIO (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
BENCH=$(ls benchmarks/platform/target/qyzmet.benchmark.platform-*.jar | head -1)
PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')#9"
data=$(mktemp -d -p "$PWD/distribution/target" trading-bench.XXXX)
mkdir -p "$data/deploy" && cp "$BENCH" "$data/deploy/"
QYZMET_MODE=demo QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$data" QYZMET_HTTPS_PORT=${PORT:-18644} \
  QYZMET_HTTP_PORT=${HTTP_PORT:-18081} QYZMET_AUTH_ADMIN_PASSWORD="$PASSWORD" QYZMET_AUTH_ADMIN_PHONE=+77000000009 \
  QYZMET_BENCHMARK_SUITE=trading QYZMET_BENCHMARK_PORT=${HTTP_PORT:-18081} QYZMET_BENCHMARK_ADMIN_PASSWORD="$PASSWORD" \
  QYZMET_BENCHMARK_SECONDS=${SECONDS_PER_SCENARIO:-10} QYZMET_AUTH_CONFIRMATION_CODES_PER_HOUR=1000000 \
  QYZMET_SIMULATEDEXCHANGE_LIQUIDITY=false QYZMET_SIMULATEDEXCHANGE_FIX_PORT=${FIX_PORT:-19878} QYZMET_FIX_HOST=127.0.0.1 \
  QYZMET_FIX_PORT=${FIX_PORT:-19878} QYZMET_FIX_RECONNECT_SECONDS=1 QYZMET_TRADING_GATEWAY=fix \
  java -jar "$JAR" 2>&1 | grep -vE '^(Nov|Dec|Jan|INFO|WARN|[0-9]{4}-[0-9]{2}-[0-9]{2}T|\[)' | grep -v '^\s*$' || true
rm -rf "$data"
