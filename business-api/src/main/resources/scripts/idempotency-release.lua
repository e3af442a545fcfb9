-- Drops a claim that has no answer, so that a refused request leaves nothing behind.
--
-- KEYS[1] <prefix>idem:<caller>:<transactionId> (see idempotency-claim.lua)
-- ARGV[1] fingerprint (16 bytes)   ARGV[2] the fingerprint in hex (keys of the format before)
--
-- Returns 1 when dropped, else 0.

local kind = redis.call('TYPE', KEYS[1]).ok
if kind == 'hash' then
  if redis.call('HGET', KEYS[1], 'h') == ARGV[2] and redis.call('HEXISTS', KEYS[1], 'a') == 0 then
    return redis.call('DEL', KEYS[1])
  end
  return 0
end
if kind == 'string' and redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
