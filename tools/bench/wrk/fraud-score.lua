-- wrk script for POST /fraud-score through the gateway: every request is a new transaction
-- (a fresh transactionId, so nothing is answered from the idempotency cache) on one of 2,000 cards,
-- at the pace set by FRAUDSCORE_BENCH_DELAY_MS per connection: each connection sends, waits for the answer,
-- then waits the delay, so the rate is about connections / (delay + latency).
-- Usage: tools/bench/wrk/run.sh (starts nothing; run ./fraudscore up first)

local counter = 0
local threads = {}
degraded = 0 -- per thread; read back in done()
local delay_ms = tonumber(os.getenv("FRAUDSCORE_BENCH_DELAY_MS") or "175")
local api_key = os.getenv("FRAUDSCORE_API_KEY") or "fsk_dev_local_only"
local run_id = os.getenv("FRAUDSCORE_BENCH_RUN") or tostring(os.time())

function setup(thread)
  -- thread_id is a global of the thread's own Lua state, so ids never collide across threads
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(thread_id * 7919 + os.time())
end

function delay()
  return delay_ms
end

local channels = { "ECOMMERCE", "POS", "POS", "ECOMMERCE", "MOTO" }

function request()
  counter = counter + 1
  local id = string.format("b%s-%d-%d", run_id, thread_id, counter)
  local card = string.format("tok_bench_%04d", math.random(0, 1999))
  local amount = string.format("%d.%02d", math.random(1, 300), math.random(0, 99))
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local body = string.format([[{"transactionId":"%s","occurredAt":"%s","amount":{"value":"%s","currency":"EUR"},
"card":{"token":"%s","bin":"424242","country":"FR"},"customer":{"id":"c-%s"},
"merchant":{"id":"m-%d","categoryCode":"5411","country":"FR"},"channel":"%s"}]],
    id, now, amount, card, card, math.random(1, 500), channels[math.random(1, #channels)])
  return wrk.format("POST", "/fraud-score",
    { ["Content-Type"] = "application/json", ["X-API-Key"] = api_key }, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"degraded":true', 1, true) then
    degraded = degraded + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.1f over %.1f s\n", summary.requests / (summary.duration / 1e6), summary.duration / 1e6))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  local degraded_total = 0
  for _, thread in ipairs(threads) do
    degraded_total = degraded_total + thread:get("degraded")
  end
  io.write(string.format("requests: %d, degraded answers: %d\n", summary.requests, degraded_total))
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
