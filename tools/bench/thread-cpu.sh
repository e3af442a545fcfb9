#!/usr/bin/env bash
# Where the CPU of a running system (./fraudscore up) goes, thread by thread: reads user + system time of every
# thread of every process in .run/pids/ from /proc before and after COMMAND (or --seconds N of waiting), and prints
# each service's threads grouped by name (digits as #: a pool's threads together), busiest first, in ms of CPU per
# second of wall clock, and per request with --rate R (the rate COMMAND offered). Only groups above 1 % of the total.
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

# one line a thread: service<TAB>thread id<TAB>name<TAB>ticks
snapshot() {
  local f s pid t line name rest
  for f in "$RUN"/pids/*.pid; do
    s=$(basename "$f" .pid)
    pid=$(cat "$f")
    for t in /proc/"$pid"/task/*; do
      line=$(cat "$t/stat" 2>/dev/null) || continue
      name=${line#*(}
      name=${name%)*}
      rest=${line##*) }
      # after the name: state is field 3 of stat(5), utime 14, stime 15
      read -ra fields <<<"$rest"
      printf '%s\t%s\t%s\t%s\n' "$s" "${t##*/}" "$name" $((fields[11] + fields[12]))
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

awk -F '\t' -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v tck="$(getconf CLK_TCK)" \
    -v rate="$RATE" '
  NR == FNR { was[$1 FS $2] = $4; next }
  {
    group = $3; gsub(/[0-9]+/, "#", group)
    key = $1 FS group
    ms = ($4 - was[$1 FS $2]) * 1000 / tck / wall
    used[key] += ms; total += ms
  }
  END {
    # a sort key first (the header above every group), cut off after sorting
    printf "1e18\t%.1f s measured; %.0f ms of CPU a second in all%s\n", wall, total,
        rate == "" ? "" : sprintf(", %.3f ms a request at %s req/s", total / rate, rate)
    for (key in used) if (used[key] >= total / 100) {
      split(key, k, FS)
      printf "%f\t%-20s %-16s %7.1f ms/s", used[key], k[1], k[2], used[key]
      if (rate != "") printf "  %6.3f ms/req", used[key] / rate
      printf "\n"
    }
  }' "$before" "$after" | sort -t $'\t' -k1,1gr | cut -f 2-
