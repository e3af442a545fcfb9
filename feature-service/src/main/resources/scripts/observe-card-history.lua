-- Observes one transaction of one card, atomically, with the semantics of feature-core's
-- InMemoryHistoryStore: read the card's history as it was before the transaction, record the
-- transaction, and keep the history under the transaction id so that a retry gets it again and
-- moves nothing.
--
-- KEYS[1] window: sorted set, member "<txId>:<amountMinor>", score = occurredAt epoch millis
-- KEYS[2] merchants the card paid: set
-- KEYS[3 .. #KEYS - 1] the transaction cache's day buckets, today's first, and KEYS[#KEYS] its string key of the
--         version before (transaction-cache.lua, in front of this script): the history returned to the
--         transaction id, packed (below) in both
-- ARGV[1] t   ARGV[2] t - 1 h   ARGV[3] t - 24 h   (epoch millis, decimal)
-- ARGV[4] window member   ARGV[5] merchant key
-- ARGV[6] window TTL ms   ARGV[7] merchant memory ms
-- ARGV[8] when today's cache bucket expires (epoch millis: the end of today plus the cache's retention)
-- ARGV[9] transaction id
--
-- The window and the merchants carry the card's hash tag, a bucket its own: two slots, fine on one Redis.
--
-- Returns '0' (first time) or '1' (replayed) followed by the packed history: unsigned varints (7 bits a byte,
-- low first) of
--   count1h * 4 + merchantSeen * 2 + (high > 0 and 1 or 0), count24h, low, [high, when > 0,] lastSeenMillis + 1
-- where the 24 h amount sum is high * 10^9 + low: Lua numbers are doubles, exact only below 2^53, so amounts
-- are summed in two halves (above and below 10^9) to stay exact over the range of a long.

local cached = cachedState(3, ARGV[9])
if cached then
  return '1' .. cached
end

local shortFrom = tonumber(ARGV[2])
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], ARGV[1], 'WITHSCORES')
local count1h, count24h, high, low, last = 0, 0, 0, 0, -1
for i = 1, #entries, 2 do
  local millis = tonumber(entries[i + 1])
  local digits = string.match(entries[i], ':(%d+)$')
  count24h = count24h + 1
  if millis >= shortFrom then
    count1h = count1h + 1
  end
  if millis > last then
    last = millis
  end
  if #digits > 9 then
    high = high + tonumber(string.sub(digits, 1, -10))
    low = low + tonumber(string.sub(digits, -9))
  else
    low = low + tonumber(digits)
  end
end
high = high + math.floor(low / 1000000000)
low = low % 1000000000
local merchantSeen = redis.call('SISMEMBER', KEYS[2], ARGV[5])

redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('SADD', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[7])

local head = count1h * 4 + merchantSeen * 2
local highPart = ''
if high > 0 then
  head = head + 1
  highPart = varint(high)
end
local history = varint(head) .. varint(count24h) .. varint(low) .. highPart .. varint(last + 1)
cacheState(KEYS[3], ARGV[9], history, ARGV[8])
return '0' .. history
