-- Where a caller's transaction id is recorded: the start of idempotency-{claim,save,release}.lua, which
-- RedisIdempotencyStore joins to each, so that the three look in the same places in the same order.
--
-- KEYS[1..n-1] the day buckets that may hold the record, today's first: hashes <prefix>idem:{<day>:<bucket>},
--              field <caller>:<transactionId>, value the request's fingerprint (16 bytes), then, once answered,
--              the answer's compact record
-- KEYS[n]      the key of the format before, <prefix>idem:<caller>:<transactionId>: a string holding the same
--              value, read and finished until it expires, never written anew
-- ARGV[1]      the field

-- The index of the key holding the record and the record, or the old key's index and nil.
local function find(field)
  for i = 1, #KEYS - 1 do
    local held = redis.call('HGET', KEYS[i], field)
    if held then
      return i, held
    end
  end
  return #KEYS, redis.call('GET', KEYS[#KEYS])
end
