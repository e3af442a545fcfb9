-- Observes one transaction for a declared state (feature-core's StateSpec), atomically, with the semantics of
-- feature-core's InMemoryAggregateStore: read every aggregate as it was before the transaction, record the
-- transaction, keep the state under the transaction id so that a retry gets it again and moves nothing, and keep
-- a label record so that a later label can find the transaction's tiles. Generic: RedisAggregateStore turns each
-- declared aggregate into one key and one ARGV line; a new feature set needs no change here.
--
-- KEYS[1] the label bucket of the transaction's day and id: a hash, field the transaction id, value its record
--         (ARGV[8], spelled by feature-core's StateLayout); written when ARGV[6] is '1'
-- KEYS[2 .. n + 1] one key per aggregate, in declared order (n = #ARGV - 8, one ARGV line each)
-- KEYS[n + 2 .. #KEYS - 1] the transaction cache's day buckets, today's first, and KEYS[#KEYS] its string key of
--         one transaction (transaction-cache.lua, in front of this script): the state returned to the transaction
--         id, packed (below) in a bucket, in decimal by ',' in the string key (as the version before and the batch
--         backfill write it)
-- The keys span up to four slots (card, merchant, label bucket, cache bucket): fine on one Redis, see AggregateKeys.
-- ARGV[1] t (epoch millis)   ARGV[2] transaction id   ARGV[3] amount (minor units)   ARGV[4] merchant key
-- ARGV[5] when today's cache bucket expires (epoch millis: the end of today plus the cache's retention)
-- ARGV[6] '1' to write the label record   ARGV[7] the label bucket's TTL ms, set when the bucket is created (the
-- end of its day plus the label horizon, from t)   ARGV[8] the record
-- ARGV[9..] one line per aggregate, words separated by spaces:
--   E from ttl                           exact window: count of members scored in [from, t]
--   L from ttl                           last event: the latest instant, -1 when before from
--   T current keep ttl letters f1 t1 ..  tiles: per window [fi, ti] the sum of each counter (n count, a amount,
--                                        f fraud) over tiles no older than hi - keep + 1, hi the latest tile written;
--                                        kept in a hash 'hi' + a ring of keep slots, small integer fields (listpack)
--   M from capacity ttl                  recent merchants: 1 when the merchant was paid at or after from
--
-- Returns '0' (first time) or '1' (replayed) followed by the state packed: per number in declared order, a
-- varint of low * 4 + (negative and 2 or 0) + (high > 0 and 1 or 0), then a varint of high when > 0, the number
-- being high * 10^9 + low (negated when negative; only a last event's -1 is); or 'L' followed by the state in
-- decimal by ',' when it came from the string key. Lua numbers are doubles, exact only below 2^53, so sums are
-- kept in two halves (above and below 10^9): exact over the range of a long. Tile counters are 64-bit HINCRBYs in
-- Redis. Packed, fraud_v2's state takes about 30 bytes where the text took 58, within a listpack's 64 bytes a value.

local aggregates = #ARGV - 8
local cached, asText = cachedState(aggregates + 2, ARGV[2])
if cached then
  return (asText and 'L' or '1') .. cached
end

local function words(line)
  local out = {}
  for w in string.gmatch(line, '%S+') do
    out[#out + 1] = w
  end
  return out
end

local function add(sum, digits)
  if not digits then
    return
  end
  if #digits > 9 then
    sum[1] = sum[1] + tonumber(string.sub(digits, 1, -10))
    sum[2] = sum[2] + tonumber(string.sub(digits, -9))
  else
    sum[2] = sum[2] + tonumber(digits)
  end
end

-- high * 10^9 + low, negated when negative (see the header)
local function packed(high, low, negative)
  local head = low * 4 + (negative and 2 or 0)
  if high > 0 then
    return varint(head + 1) .. varint(high)
  end
  return varint(head)
end

-- an integer below 2^53 in magnitude
local function integer(n)
  local magnitude = math.abs(n)
  return packed(math.floor(magnitude / 1000000000), magnitude % 1000000000, n < 0)
end

local function sumOf(sum)
  return packed(sum[1] + math.floor(sum[2] / 1000000000), sum[2] % 1000000000, false)
end

local t = tonumber(ARGV[1])
local out = {}

local function exact(key, a)
  out[#out + 1] = integer(redis.call('ZCOUNT', key, a[2], ARGV[1]))
  redis.call('ZADD', key, ARGV[1], ARGV[2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. a[2])
  redis.call('PEXPIRE', key, a[3])
end

local function last(key, a)
  local seen = redis.call('GET', key)
  if seen and tonumber(seen) >= tonumber(a[2]) then
    out[#out + 1] = integer(tonumber(seen))
  else
    out[#out + 1] = integer(-1)
  end
  if not seen or tonumber(seen) < t then
    redis.call('SET', key, ARGV[1], 'PX', a[3])
  else
    redis.call('PEXPIRE', key, a[3])
  end
end

local function tiles(key, a)
  local current, keep, letters = tonumber(a[2]), tonumber(a[3]), a[5]
  local n = #letters
  -- a ring of keep slots: tile x lives in slot x % keep, its counters in fields slot * n + 0, 1, ...
  local function field(tile, c)
    return string.format('%d', (tile % keep) * n + c - 1)
  end
  local stored = redis.call('HGET', key, 'hi')
  stored = stored and tonumber(stored)
  local hi = current
  if stored and stored > hi then
    hi = stored
  end
  local oldest = hi - keep + 1
  local windows, sums = {}, {}
  local first, last
  for w = 6, #a, 2 do
    -- no tile after the latest one written holds anything (its slot may still hold a tile keep older)
    local from, to = math.max(tonumber(a[w]), oldest), tonumber(a[w + 1])
    if not stored or stored < to then
      to = stored or (from - 1)
    end
    windows[#windows + 1] = {from, to}
    for c = 1, n do
      sums[#sums + 1] = {0, 0}
    end
    if from <= to then
      first = first and math.min(first, from) or from
      last = last and math.max(last, to) or to
    end
  end
  local function count(tile, c, digits)
    for w = 1, #windows do
      if tile >= windows[w][1] and tile <= windows[w][2] then
        add(sums[(w - 1) * n + c], digits)
      end
    end
  end
  if first then
    -- one read for every window: the fields the hash holds when they are fewer than the union's (a ring is
    -- often sparse: a merchant paid now and then), else the union's fields; Lua's work grows with the fields read
    local span = (last - first + 1) * n
    if redis.call('HLEN', key) <= span then
      local all = redis.call('HGETALL', key)
      for i = 1, #all, 2 do
        local f = tonumber(all[i]) -- nil for 'hi'
        if f then
          -- every slot holds a tile of [stored - keep + 1, stored]
          local slot = math.floor(f / n)
          count(stored - ((stored - slot) % keep), f - slot * n + 1, all[i + 1])
        end
      end
    else
      local fields = {}
      for tile = first, last do
        for c = 1, n do
          fields[#fields + 1] = field(tile, c)
        end
      end
      local values = redis.call('HMGET', key, unpack(fields))
      local i = 0
      for tile = first, last do
        for c = 1, n do
          i = i + 1
          if values[i] then
            count(tile, c, values[i])
          end
        end
      end
    end
  end
  for i = 1, #sums do
    out[#out + 1] = sumOf(sums[i])
  end
  if current >= oldest then
    if stored and current > stored then
      -- the ring moves on: the slots of the new tiles held tiles no longer kept
      if current - stored >= keep then
        redis.call('DEL', key)
      else
        local stale = {}
        for tile = stored + 1, current do
          for c = 1, #letters do
            stale[#stale + 1] = field(tile, c)
          end
        end
        redis.call('HDEL', key, unpack(stale))
      end
    end
    for c = 1, #letters do
      local letter = string.sub(letters, c, c)
      if letter == 'n' then
        redis.call('HINCRBY', key, field(current, c), 1)
      elseif letter == 'a' then
        redis.call('HINCRBY', key, field(current, c), ARGV[3])
      end
    end
    redis.call('HSET', key, 'hi', string.format('%d', hi))
  end
  redis.call('PEXPIRE', key, a[4])
end

local function merchants(key, a)
  local paid = redis.call('ZSCORE', key, ARGV[4])
  if paid and tonumber(paid) >= tonumber(a[2]) then
    out[#out + 1] = integer(1)
  else
    out[#out + 1] = integer(0)
  end
  -- GT: a late payment never moves a merchant back; new merchants are added all the same
  redis.call('ZADD', key, 'GT', ARGV[1], ARGV[4])
  redis.call('ZREMRANGEBYRANK', key, 0, -(tonumber(a[3]) + 1))
  redis.call('PEXPIRE', key, a[4])
end

for i = 9, #ARGV do
  local key = KEYS[i - 7]
  local a = words(ARGV[i])
  if a[1] == 'E' then
    exact(key, a)
  elseif a[1] == 'L' then
    last(key, a)
  elseif a[1] == 'T' then
    tiles(key, a)
  elseif a[1] == 'M' then
    merchants(key, a)
  else
    return redis.error_reply('unknown aggregate kind ' .. a[1])
  end
end

if ARGV[6] == '1' then
  -- a record once written stays (with its label): a replay after the retry cache expired moves nothing here
  redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[8])
  -- the bucket's expiry is set once, by its first record: later ones would only push it further
  if redis.call('PTTL', KEYS[1]) == -1 then
    redis.call('PEXPIRE', KEYS[1], ARGV[7])
  end
end
local state = table.concat(out)
cacheState(KEYS[aggregates + 2], ARGV[2], state, ARGV[5])
return '0' .. state
