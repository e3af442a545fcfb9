#!/usr/bin/env bash
# Start and recovery times of a running system (./fraudscore up): for each service named (default: all five), kill -9
# it, start it again with `./fraudscore up` (which starts only what is not running), and report
#   ready:  seconds from the start command to the service's /actuator/health answering UP;
#   whole:  seconds from that readiness to the first answer of /fraud-score that is not degraded (a new transaction
#           every 100 ms through the public port; only services in the scoring path can degrade an answer).
# Prints one line a service and writes .run/bench/restart.json. Needs curl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FRAUDSCORE=${FRAUDSCORE:-$ROOT/fraudscore}
RUN=${FRAUDSCORE_RUN:-$ROOT/.run}
URL=${FRAUDSCORE_URL:-http://127.0.0.1:8080}
KEY=${FRAUDSCORE_API_KEY:-fsk_dev_local_only}
declare -A HEALTH=([feature-service]=8091 [predict-service]=8092 [postprocess-service]=8093 [business-api]=8090 [gateway]=8081)
for s in "${!HEALTH[@]}"; do
  var="FRAUDSCORE_HEALTH_PORT_${s//-/_}"
  HEALTH[$s]=${!var:-${HEALTH[$s]}}
done
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(feature-service predict-service postprocess-service business-api gateway)

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# 0 when an answer came back 200 and not degraded
whole_answer() {
  local body
  body=$(curl -s -m 2 "$URL/fraud-score" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d "{
    \"transactionId\":\"restart-$(date +%s%N)\",\"occurredAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",
    \"amount\":{\"value\":\"12.30\",\"currency\":\"EUR\"},\"card\":{\"token\":\"tok_restart_$RANDOM\",\"bin\":\"424242\",\"country\":\"FR\"},
    \"customer\":{\"id\":\"cust-restart\"},
    \"merchant\":{\"id\":\"m-restart\",\"categoryCode\":\"5411\",\"country\":\"FR\"},\"channel\":\"POS\"}" || true)
  [[ "$body" == *'"degraded":false'* ]]
}

for _ in $(seq 50); do whole_answer && break; sleep 0.2; done
whole_answer || { echo "the system does not give whole answers at $URL now; start it with ./fraudscore up" >&2; exit 1; }
mkdir -p "$RUN/bench"
results=()
for s in "${services[@]}"; do
  [ -n "${HEALTH[$s]:-}" ] || { echo "unknown service '$s'" >&2; exit 2; }
  pid=$(cat "$RUN/pids/$s.pid")
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  start=$(now)
  "$FRAUDSCORE" up >/dev/null &
  until curl -fs -o /dev/null "http://127.0.0.1:${HEALTH[$s]}/actuator/health"; do sleep 0.05; done
  ready=$(now)
  deadline=$((SECONDS + 60))
  until whole_answer; do
    [ $SECONDS -lt $deadline ] || { echo "$s: no whole answer within 60 s of its readiness" >&2; exit 1; }
    sleep 0.1
  done
  whole=$(now)
  wait
  printf '%-20s ready %6s s   whole %6s s after ready\n' "$s" "$(seconds "$start" "$ready")" "$(seconds "$ready" "$whole")"
  results+=("{\"service\":\"$s\",\"ready_s\":$(seconds "$start" "$ready"),\"whole_after_ready_s\":$(seconds "$ready" "$whole")}")
done
(IFS=,; echo "[${results[*]}]") >"$RUN/bench/restart.json"
