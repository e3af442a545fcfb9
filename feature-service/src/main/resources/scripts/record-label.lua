-- Records a late label for a transaction observed by observe-aggregates.lua, atomically, with the semantics of
-- feature-core's InMemoryAggregateStore.recordLabel: once per transaction; the same label again is 'R'
-- (repeated), the other label 'C' (conflict), nothing moved; a fraud label adds 1 to the fraud counter of the
-- transaction's tile in each tiles aggregate that counts labels, if that tile is still kept.
--
-- KEYS[1] the label record (hash t, c, m; l and r once labelled)   KEYS[2..] each labelled tiles aggregate's key
-- ARGV[1] 'F' or 'G'   ARGV[2] reportedAt epoch millis
-- ARGV[3..] per tiles key: "tile keep countField fraudField", the fields of the transaction's tile in the ring
-- Returns 'N' (recorded), 'R', 'C', or 'U' when the record is gone.

if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'U'
end
local label = redis.call('HGET', KEYS[1], 'l')
if label then
  if label == ARGV[1] then
    return 'R'
  end
  return 'C'
end
redis.call('HSET', KEYS[1], 'l', ARGV[1], 'r', ARGV[2])
if ARGV[1] == 'F' then
  for i = 3, #ARGV do
    local key = KEYS[i - 1]
    local tile, keep, count, fraud = string.match(ARGV[i], '^(%S+) (%S+) (%S+) (%S+)$')
    local hi = redis.call('HGET', key, 'hi')
    -- a tile still kept holds its transactions' count, so the count field says the transaction's tile is there
    if hi and tonumber(tile) >= tonumber(hi) - tonumber(keep) + 1 and redis.call('HEXISTS', key, count) == 1 then
      redis.call('HINCRBY', key, fraud, 1)
    end
  end
end
return 'N'
