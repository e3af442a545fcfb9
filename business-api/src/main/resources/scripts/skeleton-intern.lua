-- Writes an answer skeleton into the day's dictionary, unless another skeleton holds its id or the day is full.
--
-- KEYS[1] the day's dictionary: hash, field = skeleton id (decimal), value = skeleton
-- ARGV[1] id   ARGV[2] skeleton   ARGV[3] TTL of the day's hash, ms   ARGV[4] most skeletons per day
--
-- Returns 1 when the dictionary holds the skeleton under the id, 0 when it cannot.

local held = redis.call('HGET', KEYS[1], ARGV[1])
if held == false then
  if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then
    return 0
  end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
elseif held ~= ARGV[2] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
