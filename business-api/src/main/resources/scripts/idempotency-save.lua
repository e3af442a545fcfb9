-- Stores the answer of a claimed transaction id where the claim is, only while it has this fingerprint
-- (after idempotency-records.lua).
--
-- ARGV[1] the field   ARGV[2] fingerprint (16 bytes)   ARGV[3] the answer's compact record
--
-- Returns 1 when stored, 0 when the claim is gone or another body's.

local at, held = find(ARGV[1])
if not held or string.sub(held, 1, 16) ~= ARGV[2] then
  return 0
end
if at == #KEYS then
  redis.call('SET', KEYS[at], ARGV[2] .. ARGV[3], 'KEEPTTL')
else
  redis.call('HSET', KEYS[at], ARGV[1], ARGV[2] .. ARGV[3])
end
return 1
