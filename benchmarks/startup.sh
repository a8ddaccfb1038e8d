#!/usr/bin/env bash
# Measures what issue #3 asks for, on the built jar (run `mvn -B verify` or `mvn -B package -DskipTests` first):
#   cold start  - java -jar to the first 200 from /api/v1/catalog with an empty data directory
#   warm start  - the same on the data directory the cold start left
#   RSS         - resident memory of the JVM after start (the embedded MariaDB is a separate process, reported too)
#   hot deploy  - service jar dropped into deploy/ to its endpoint answering 200, and removal to 404
# Each is repeated RUNS times (default 5); prints every sample, then min / median / max.
# Everything listens on 127.0.0.1 / localhost only.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=distribution/target/qyzmet.jar
DEMO=$(ls bundles/qyzmet.service.demo/target/qyzmet.service.demo-*.jar | head -1)
RUNS=${RUNS:-5}
PORT=${PORT:-18443}
WORK=$(mktemp -d -p "$PWD/distribution/target" bench.XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }
wait_for() { # url code limit_s
  local deadline=$(( $(now_ms) + $3 * 1000 ))
  until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$1")" = "$2" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "timeout waiting for $2 from $1" >&2; return 1; }
    sleep 0.05
  done
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %d  median %d  max %d (n=%d)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }

cold=(); warm=(); rss=(); dbrss=(); deploy=(); undeploy=()
for run in $(seq 1 "$RUNS"); do
  data="$WORK/data$run"
  for phase in cold warm; do
    start=$(now_ms)
    QYZMET_DEPLOYMENT_REQUIRE_SIGNATURES=false QYZMET_DATA_DIR="$data" QYZMET_HTTPS_PORT=$PORT java -jar "$JAR" > "$WORK/$phase$run.log" 2>&1 &
    pid=$!
    wait_for "https://localhost:$PORT/api/v1/catalog" 200 120
    took=$(( $(now_ms) - start ))
    if [ $phase = cold ]; then cold+=("$took"); else
      warm+=("$took")
      rss+=("$(( $(ps -o rss= -p $pid) / 1024 ))")
      dbrss+=("$(( $(ps -o rss= -C mariadbd | head -1) / 1024 ))")
      start=$(now_ms); cp "$DEMO" "$data/deploy/demo.jar.part" && mv "$data/deploy/demo.jar.part" "$data/deploy/demo.jar"
      wait_for "https://localhost:$PORT/api/v1/services/demo-offices/offices" 200 30
      deploy+=("$(( $(now_ms) - start ))")
      start=$(now_ms); rm "$data/deploy/demo.jar"
      wait_for "https://localhost:$PORT/api/v1/services/demo-offices/offices" 404 30
      undeploy+=("$(( $(now_ms) - start ))")
    fi
    kill -TERM $pid; wait $pid || true
  done
  echo "run $run: cold ${cold[-1]} ms, warm ${warm[-1]} ms, JVM RSS ${rss[-1]} MiB, MariaDB RSS ${dbrss[-1]} MiB, hot deploy ${deploy[-1]} ms, removal ${undeploy[-1]} ms"
done
echo "cold start to first 200 (ms):   $(printf '%s\n' "${cold[@]}" | stats)"
echo "warm start to first 200 (ms):   $(printf '%s\n' "${warm[@]}" | stats)"
echo "JVM resident memory (MiB):      $(printf '%s\n' "${rss[@]}" | stats)"
echo "MariaDB resident memory (MiB):  $(printf '%s\n' "${dbrss[@]}" | stats)"
echo "hot deploy to 200 (ms):         $(printf '%s\n' "${deploy[@]}" | stats)"
echo "removal to 404 (ms):            $(printf '%s\n' "${undeploy[@]}" | stats)"
