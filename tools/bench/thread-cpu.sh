#!/usr/bin/env bash
# Where the CPU of a running system (./fraudscore up) goes, thread by thread: reads the scheduler's counters of every
# thread of every process in .run/pids/ (/proc/PID/task/TID/schedstat: time on a core, time waiting for one, time
# slices) before and after COMMAND (or --seconds N of waiting), and prints each service's threads grouped by name
# (digits as #: a pool's threads together), busiest first, in ms of CPU per second of wall clock, and with --rate R
# (the rate COMMAND offered) per request: ms of CPU, time slices (each a wake-up, roughly) and ms spent waiting for
# a core. Only groups above 1 % of the total CPU; each service's line "(all threads)" counts every thread.
#   tools/bench/thread-cpu.sh --rate 300 -- ./fraudscore bench --rate 300 --warmup 0 --duration 30
#   tools/bench/thread-cpu.sh --seconds 30          (an idle system: its own background work)
# A thread that ended in between is not counted; a new one counts from 0.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUN=${FRAUDSCORE_RUN:-$ROOT/.run}
RATE=""
SECONDS_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE=${2:?--rate needs the requests per second the command offers}; shift 2 ;;
    --seconds) SECONDS_ONLY=${2:?--seconds needs a number}; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option '$1'; usage: $0 [--rate R] (--seconds N | -- COMMAND...)" >&2; exit 2 ;;
  esac
done
if [ -z "$SECONDS_ONLY" ] && [ $# -eq 0 ]; then
  echo "nothing to measure: give --seconds N or a command after --" >&2
  exit 2
fi
compgen -G "$RUN/pids/*.pid" >/dev/null || { echo "no process in $RUN/pids: start the system (./fraudscore up)" >&2; exit 1; }

# one line a thread: service<TAB>thread id<TAB>name<TAB>ns on a core<TAB>ns waiting for one<TAB>time slices
snapshot() {
  local f s pid t name sched
  for f in "$RUN"/pids/*.pid; do
    s=$(basename "$f" .pid)
    pid=$(cat "$f")
    for t in /proc/"$pid"/task/*; do
      { name=$(cat "$t/comm") && sched=$(cat "$t/schedstat"); } 2>/dev/null || continue
      printf '%s\t%s\t%s\t%s\n' "$s" "${t##*/}" "$name" "${sched// /$'\t'}"
    done
  done
}

before=$(mktemp)
after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot >"$before"
start=$(date +%s.%N)
if [ -n "$SECONDS_ONLY" ]; then sleep "$SECONDS_ONLY"; else "$@"; fi
end=$(date +%s.%N)
snapshot >"$after"

awk -F '\t' -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v rate="$RATE" '
  NR == FNR { ran[$1 FS $2] = $4; waited[$1 FS $2] = $5; sliced[$1 FS $2] = $6; next }
  {
    group = $3; gsub(/[0-9]+/, "#", group)
    ms = ($4 - ran[$1 FS $2]) / 1e6 / wall
    total += ms
    # each thread counts in its pool and in the line of all its service threads
    for (i = 1; i <= 2; i++) {
      key = $1 FS (i == 1 ? group : "(all threads)")
      used[key] += ms
      wait[key] += ($5 - waited[$1 FS $2]) / 1e6 / wall
      slices[key] += ($6 - sliced[$1 FS $2]) / wall
    }
  }
  END {
    # a sort key first (the header above every group), cut off after sorting
    printf "1e18\t%.1f s measured; %.0f ms of CPU a second in all%s\n", wall, total,
        rate == "" ? "" : sprintf(", %.3f ms a request at %s req/s", total / rate, rate)
    for (key in used) if (used[key] >= total / 100) {
      split(key, k, FS)
      printf "%f\t%-20s %-16s %7.1f ms/s", used[key], k[1], k[2], used[key]
      if (rate != "") printf "  %6.3f ms/req  %5.2f slices/req  %6.3f ms waiting/req", used[key] / rate,
          slices[key] / rate, wait[key] / rate
      printf "\n"
    }
  }' "$before" "$after" | sort -t $'\t' -k1,1gr | cut -f 2-
