-- Claims a caller's transaction id for a request, or says who holds it.
--
-- KEYS[1] <prefix>idem:<caller>:<transactionId>: string, the request's fingerprint (16 bytes), then, once
--         answered, the answer's compact record
-- ARGV[1] fingerprint (16 bytes)   ARGV[2] TTL ms   ARGV[3] the fingerprint in hex (keys of the format before)
--
-- Returns 'C' claimed now, 'P' the same body holds it unanswered, 'X' another body holds it,
-- or 'A' followed by the stored answer.

if redis.call('TYPE', KEYS[1]).ok == 'hash' then
  -- the format before, until it expires: field h the fingerprint in hex, field a the answer JSON
  if redis.call('HGET', KEYS[1], 'h') ~= ARGV[3] then
    return 'X'
  end
  local answer = redis.call('HGET', KEYS[1], 'a')
  if answer then
    return 'A' .. answer
  end
  return 'P'
end

local held = redis.call('GET', KEYS[1])
if not held then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 'C'
end
if string.sub(held, 1, 16) ~= ARGV[1] then
  return 'X'
end
if #held == 16 then
  return 'P'
end
return 'A' .. string.sub(held, 17)
