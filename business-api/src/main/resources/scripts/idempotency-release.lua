-- Drops a claim that has no answer, so that a refused request leaves nothing behind (after
-- idempotency-records.lua).
--
-- ARGV[1] the field   ARGV[2] fingerprint (16 bytes)
--
-- Returns 1 when dropped, else 0.

local at, held = find(ARGV[1])
if held ~= ARGV[2] then
  return 0
end
if at == #KEYS then
  return redis.call('DEL', KEYS[at])
end
return redis.call('HDEL', KEYS[at], ARGV[1])
