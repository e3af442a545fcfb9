#!/usr/bin/env bash
# Steady load on POST /fraud-score through the gateway: 40 connections, each waiting
# FRAUDSCORE_BENCH_DELAY_MS (default 175 ms) after every answer -> about 200 requests/s for 30 s.
# Needs wrk (apt-get install -y wrk) and a running system (./fraudscore up).
set -euo pipefail
cd "$(dirname "$0")"
url=${FRAUDSCORE_URL:-http://127.0.0.1:8080}
duration=${FRAUDSCORE_BENCH_DURATION:-30s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
# a short warm-up so the JIT has compiled the hot paths before the measured run
FRAUDSCORE_BENCH_RUN="warm$(date +%s)" wrk -t2 -c40 -d10s -s fraud-score.lua "$url" >/dev/null
FRAUDSCORE_BENCH_RUN="run$(date +%s)" wrk -t2 -c40 -d"$duration" --latency -s fraud-score.lua "$url"
