-- Keygate quota leasing on the bucketed sliding window of sliding_window.lua (the same counters):
-- a sidecar reserves a slice of a counter's remaining allowance in the current bucket, and spends it
-- locally. A reservation is counted at once, as if its requests had been made, so the counter never
-- holds less than what was admitted: the fleet can never admit more than the limit in any window of
-- its length. Unused permits of an earlier bucket come back with the next request for the counter.
--
-- KEYS[1]  the counter (a hash: bucket index -> count)
-- ARGV     limit, window in ms, want (0: only read), returned (unused permits), returned_bucket
-- returns  { granted, total (after the grant), reset_ms (until one more fits when full, else until
--            the oldest counted request leaves), bucket_end_ms (until the current bucket ends),
--            bucket (its index) }
local BUCKETS = 60
local FAN = 4
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local returned = tonumber(ARGV[4])
local returnedBucket = tonumber(ARGV[5])
local size = math.max(1, math.floor((window + BUCKETS - 1) / BUCKETS))
local current = math.floor(now / size)

local fields = redis.call('HGETALL', KEYS[1])
local total = 0
local live = {}
for j = 1, #fields, 2 do
  local index = tonumber(fields[j])
  local count = tonumber(fields[j + 1])
  if index < current - BUCKETS then
    redis.call('HDEL', KEYS[1], fields[j])
  else
    if returned > 0 and index == returnedBucket then
      local back = math.min(returned, count)
      count = count - back
      redis.call('HINCRBY', KEYS[1], fields[j], -back)
    end
    total = total + count
    live[#live + 1] = { index, count }
  end
end

local granted = 0
if want > 0 and total < limit then
  -- Slices shrink as the allowance runs low, so the last requests are counted one by one.
  granted = math.min(want, math.max(1, math.ceil((limit - total) / FAN)))
  redis.call('HINCRBY', KEYS[1], current, granted)
  total = total + granted
  local found = false
  for _, b in ipairs(live) do
    if b[1] == current then
      b[2] = b[2] + granted
      found = true
    end
  end
  if not found then
    -- The key's lifetime is set when a bucket is created: it then outlives every bucket it holds.
    redis.call('PEXPIRE', KEYS[1], size * (BUCKETS + 2))
    live[#live + 1] = { current, granted }
  end
end

table.sort(live, function(a, b) return a[1] < b[1] end)
local need = total - limit + 1
local dropped = 0
local reset = 0
for _, b in ipairs(live) do
  dropped = dropped + b[2]
  if need <= 0 or dropped >= need then
    reset = math.max(0, (b[1] + BUCKETS + 1) * size - now)
    break
  end
end
return { granted, total, reset, (current + 1) * size - now, current }
