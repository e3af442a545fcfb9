#!/usr/bin/env bash
# Start and recovery times of a running system (./fraudscore up): for each service named (default: all five), kill -9
# it, start it again with `./fraudscore up` (which starts only what is not running), and report
#   ready:  seconds from the start command to the service's /actuator/health answering UP;
#   whole:  seconds from that readiness to the first answer of /fraud-score that is not degraded (a new transaction
#           every 100 ms through the public port; only services in the scoring path can degrade an answer).
# With --rate R the system is under load meanwhile: `./fraudscore bench --rate R` runs through all the restarts
# (15 s before the first, 45 s from each kill to the next), and from its second-by-second record each service also
# gets
#   down_not_whole:  requests meant to leave between the kill and the readiness that got no whole answer;
#   not_whole_5s:    the share of the requests of the first 5 s after readiness that got no whole answer;
#   all_whole_after: seconds from readiness to the start of the first second whose answers were all whole.
# Prints one line a service and writes .run/bench/restart.json. Needs curl (and python3 with --rate).
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
RATE=""
if [ "${1:-}" = --rate ]; then
  RATE=${2:?--rate needs requests per second}
  shift 2
fi
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
if [ -n "$RATE" ]; then
  "$FRAUDSCORE" bench --rate "$RATE" --warmup 0 --duration "$((15 + 45 * ${#services[@]}))s" \
    --out "$RUN/bench/restart-load" >"$RUN/bench/restart-load.log" 2>&1 &
  load=$!
  sleep 15
fi
for s in "${services[@]}"; do
  next=$((SECONDS + 45))
  [ -n "${HEALTH[$s]:-}" ] || { echo "unknown service '$s'" >&2; exit 2; }
  pid=$(cat "$RUN/pids/$s.pid")
  kill -9 "$pid"
  # gone once a zombie (Z): its parent may be slow to reap it
  while kill -0 "$pid" 2>/dev/null && [ "$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
    sleep 0.05
  done
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
  wait "$!"
  printf '%-20s ready %6s s   whole %6s s after ready\n' "$s" "$(seconds "$start" "$ready")" "$(seconds "$ready" "$whole")"
  results+=("{\"service\":\"$s\",\"killed_at\":$start,\"ready_at\":$ready,\"ready_s\":$(seconds "$start" "$ready"),\"whole_after_ready_s\":$(seconds "$ready" "$whole")}")
  if [ -n "$RATE" ]; then while [ $SECONDS -lt $next ]; do sleep 0.5; done; fi
done
(IFS=,; echo "[${results[*]}]") >"$RUN/bench/restart.json"
[ -n "$RATE" ] || exit 0

wait "$load" || { cat "$RUN/bench/restart-load.log" >&2; echo "the load of --rate $RATE failed; its output is above" >&2; exit 1; }
python3 - "$RUN/bench/restart.json" "$RUN/bench/restart-load/latest.json" "$RATE" <<'PY'
import json, math, sys
restarts_file, load_file, rate = sys.argv[1], sys.argv[2], sys.argv[3]
restarts = json.load(open(restarts_file))
timeline = json.load(open(load_file))["per_second"]
start, seconds = timeline["start_epoch_s"], timeline["seconds"]
def at(t):  # the second of the load that holds wall-clock instant t
    return max(0, min(len(seconds) - 1, int(math.floor(t - start))))
def not_whole(rows):
    return sum(r["degraded"] + r["errors"] for r in rows)
def requests(rows):
    return sum(r["whole"] + r["degraded"] + r["errors"] for r in rows)
for r in restarts:
    down = seconds[at(r["killed_at"]):at(r["ready_at"]) + 1]
    first5 = seconds[at(r["ready_at"]) + 1:at(r["ready_at"]) + 6]
    after = [s for s in seconds[at(r["ready_at"]) + 1:] if requests([s]) > 0 and not_whole([s]) == 0]
    r["load_rate"] = float(rate)
    r["down_not_whole"] = not_whole(down)
    r["not_whole_5s"] = round(not_whole(first5) / max(1, requests(first5)), 3)
    r["all_whole_after"] = round(start + after[0]["second"] - r["ready_at"], 2) if after else None
    print(f'{r["service"]:<20} under {rate} req/s: {r["down_not_whole"]} requests not whole while down, '
          f'{r["not_whole_5s"]:.1%} not whole in the 5 s after ready, all whole from '
          f'{r["all_whole_after"]} s after ready')
json.dump(restarts, open(restarts_file, "w"))
PY
