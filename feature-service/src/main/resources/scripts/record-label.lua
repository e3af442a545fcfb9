-- Records a late label for a transaction observed by observe-aggregates.lua, atomically, with the semantics of
-- feature-core's InMemoryAggregateStore.recordLabel: once per transaction; the same label again is 'R'
-- (repeated), the other label 'C' (conflict), nothing moved; a fraud label adds 1 to the fraud counter of the
-- transaction's tile in each tiles aggregate that counts labels, if that tile is still kept.
--
-- KEYS[1] the label bucket holding the transaction's record (found with service-support's first-hash-field.lua)
-- KEYS[2..] each labelled tiles aggregate's key
-- ARGV[1] transaction id (the record's field)   ARGV[2] 'F' or 'G'   ARGV[3] the record with the label, as the
-- bucket's value (spelled by feature-core's StateLayout: a labelled record starts with F or G)
-- ARGV[4..] per tiles key: "tile keep countField fraudField", the fields of the transaction's tile in the ring
-- Returns 'N' (recorded), 'R', 'C', or 'U' when the record is gone.

local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record then
  return 'U'
end
local label = string.sub(record, 1, 1)
if label == 'F' or label == 'G' then
  if label == ARGV[2] then
    return 'R'
  end
  return 'C'
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if ARGV[2] == 'F' then
  for i = 4, #ARGV do
    local key = KEYS[i - 2]
    local tile, keep, count, fraud = string.match(ARGV[i], '^(%S+) (%S+) (%S+) (%S+)$')
    local hi = redis.call('HGET', key, 'hi')
    -- a tile still kept holds its transactions' count, so the count field says the transaction's tile is there
    if hi and tonumber(tile) >= tonumber(hi) - tonumber(keep) + 1 and redis.call('HEXISTS', key, count) == 1 then
      redis.call('HINCRBY', key, fraud, 1)
    end
  end
end
return 'N'
