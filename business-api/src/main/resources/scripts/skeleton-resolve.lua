-- Finds an answer skeleton by id in the dictionaries of the days a kept answer may name, newest first.
--
-- KEYS    the days' dictionaries (one hash tag: one cluster slot)
-- ARGV[1] id (decimal)
--
-- Returns the skeleton, or nil.

for i = 1, #KEYS do
  local skeleton = redis.call('HGET', KEYS[i], ARGV[1])
  if skeleton then
    return skeleton
  end
end
return false
