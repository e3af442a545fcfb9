-- The first of several hashes that holds a field: a value kept in one of a few dated hashes (business-api's
-- answer skeletons by day, feature-service's label buckets by day), looked up in one round trip when the caller
-- does not know which day. The caller names the hashes, in the order to look.
--
-- KEYS    the hashes to look in, in order
-- ARGV[1] the field
--
-- Returns the first value found, or nil.

for i = 1, #KEYS do
  local value = redis.call('HGET', KEYS[i], ARGV[1])
  if value then
    return value
  end
end
return false
