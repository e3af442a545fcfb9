-- Claims a caller's transaction id for a request, or says who holds it (after idempotency-records.lua).
--
-- ARGV[1] the field   ARGV[2] fingerprint (16 bytes)   ARGV[3] when today's bucket expires, epoch ms: the end
-- of today plus the TTL, set once, when the bucket has no expiry yet
--
-- Returns 'C' claimed now, 'P' the same body holds it unanswered, 'X' another body holds it,
-- or 'A' followed by the stored answer.

local _, held = find(ARGV[1])
if not held then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  if redis.call('PTTL', KEYS[1]) < 0 then
    redis.call('PEXPIREAT', KEYS[1], ARGV[3])
  end
  return 'C'
end
if string.sub(held, 1, 16) ~= ARGV[2] then
  return 'X'
end
if #held == 16 then
  return 'P'
end
return 'A' .. string.sub(held, 17)
