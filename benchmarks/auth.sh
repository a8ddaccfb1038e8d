#!/usr/bin/env bash
# Login benchmark (issue #4), inside the real platform on the embedded MariaDB:
#   one bare Argon2id hash (the physical limit) against full password logins over HTTP,
#   1 client and one per core: logins/s per core, p50/p99, and the overhead beyond hashing.
# Runs twice: with the default Argon2id parameters, then with minimal ones (m=64 KiB, t=1),
# where a login is nearly all overhead — its p99 is the auth overhead itself.
# Build first: mvn -B -ntp verify (or package -DskipTests). Settings: SECONDS_PER_SCENARIO (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
BENCH=$(ls benchmarks/platform/target/qyzmet.benchmark.platform-*.jar | head -1)
PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')#9"

run() { # $1 = label, then extra environment assignments
  local label=$1; shift
  local data
  data=$(mktemp -d -p "$PWD/distribution/target" auth-bench.XXXX)
  mkdir -p "$data/deploy" && cp "$BENCH" "$data/deploy/"
  echo "== $label"
  env "$@" QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$data" QYZMET_HTTPS_PORT=${PORT:-18644} QYZMET_HTTP_PORT=${HTTP_PORT:-18081} \
    QYZMET_AUTH_ADMIN_PASSWORD="$PASSWORD" QYZMET_AUTH_ADMIN_PHONE=+77000000009 \
    QYZMET_BENCHMARK_PORT=${HTTP_PORT:-18081} QYZMET_BENCHMARK_ADMIN_PASSWORD="$PASSWORD" \
    QYZMET_BENCHMARK_SECONDS=${SECONDS_PER_SCENARIO:-10} \
    java -jar "$JAR" 2>&1 | grep -vE '^(Nov|Dec|Jan|INFO|WARN|[0-9]{4}-[0-9]{2}-[0-9]{2}T|\[)' | grep -v '^\s*$' || true
  rm -rf "$data"
}

run "default Argon2id parameters (OWASP: m=19456 KiB, t=2, p=1)"
run "minimal Argon2id parameters: what remains is the overhead" QYZMET_AUTH_ARGON2_MEMORY_KIB=64 QYZMET_AUTH_ARGON2_ITERATIONS=1
