-- Stores the answer of a claimed transaction id, only while the claim still has this fingerprint.
--
-- KEYS[1] <prefix>idem:<caller>:<transactionId> (see idempotency-claim.lua)
-- ARGV[1] fingerprint (16 bytes)   ARGV[2] the answer's compact record   ARGV[3] TTL ms
-- ARGV[4] the fingerprint in hex (a claim made in the format before is rewritten in this one)
--
-- Returns 1 when stored, 0 when the claim is gone or another body's.

local kind = redis.call('TYPE', KEYS[1]).ok
if kind == 'hash' then
  if redis.call('HGET', KEYS[1], 'h') ~= ARGV[4] then
    return 0
  end
  redis.call('DEL', KEYS[1])
elseif kind ~= 'string' or string.sub(redis.call('GET', KEYS[1]), 1, 16) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1] .. ARGV[2], 'PX', ARGV[3])
return 1
