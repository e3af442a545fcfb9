-- What the observe scripts share (StoreScripts puts this text in front of each, as Redis runs a script as one
-- text): the transaction cache's read and write, and unsigned varints.
--
-- The cache keeps the state already returned to a transaction id in day buckets, hashes named by the day the
-- transaction arrived (UTC, feature-service's clock) and a hash of its id: field the id, value the state. Java
-- names the buckets to look in as KEYS[first .. #KEYS - 1], today's first, and last, KEYS[#KEYS], the string key of
-- one transaction that the version before (and the batch backfill) write: read, never written.

-- The cached state of transaction id `field`, and whether it came from the string key; nil when none.
local function cachedState(first, field)
  for i = first, #KEYS - 1 do
    local value = redis.call('HGET', KEYS[i], field)
    if value then
      return value, false
    end
  end
  local value = redis.call('GET', KEYS[#KEYS])
  if value then
    return value, true
  end
  return nil, false
end

-- Keeps `value` for transaction id `field` in today's bucket. The bucket's expiry (epoch millis: the end of today
-- plus the retention) is set once, by its first record, so a record lives between the retention and a day more.
local function cacheState(bucket, field, value, expiresAt)
  redis.call('HSET', bucket, field, value)
  if redis.call('PTTL', bucket) < 0 then
    redis.call('PEXPIREAT', bucket, expiresAt)
  end
end

-- An unsigned integer below 2^53 as a varint: 7 bits a byte, low first, the high bit set on all but the last.
local function varint(n)
  local bytes = {}
  while n >= 128 do
    bytes[#bytes + 1] = string.char(128 + n % 128)
    n = math.floor(n / 128)
  end
  bytes[#bytes + 1] = string.char(n)
  return table.concat(bytes)
end

