-- Keygate rate limits: a bucketed sliding window (see io.keygate.ratelimit.SlidingWindow, the
-- reference implementation). Counts one request against every limit atomically, or against none
-- when an enforced limit is full. Time comes from the Redis server, so every sidecar shares a clock.
--
-- KEYS[i]  the counter of limit i (a hash: bucket index -> count)
-- ARGV     per limit i: ARGV[3i-2] limit, ARGV[3i-1] window in ms, ARGV[3i] '1' if informational,
--          'p' to check it without counting (refuses when already full), '0' otherwise
-- returns  { refused (0/1), total_1, reset_ms_1, total_2, reset_ms_2, ... }
local BUCKETS = 60
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local state = {}
local refused = 0
for i = 1, #KEYS do
  local limit = tonumber(ARGV[3 * i - 2])
  local window = tonumber(ARGV[3 * i - 1])
  local informational = ARGV[3 * i] == '1'
  local peek = ARGV[3 * i] == 'p'
  local size = math.max(1, math.floor((window + BUCKETS - 1) / BUCKETS))
  local current = math.floor(now / size)
  local fields = redis.call('HGETALL', KEYS[i])
  local total = 0
  local live = {}
  for j = 1, #fields, 2 do
    local index = tonumber(fields[j])
    local count = tonumber(fields[j + 1])
    if index < current - BUCKETS then
      redis.call('HDEL', KEYS[i], fields[j])
    else
      total = total + count
      live[#live + 1] = { index, count }
    end
  end
  state[i] = { limit = limit, size = size, current = current, total = total, live = live, peek = peek }
  if not informational and total + 1 > limit then
    refused = 1
  end
end

local out = { refused }
for i = 1, #KEYS do
  local s = state[i]
  if refused == 0 and not s.peek then
    redis.call('HINCRBY', KEYS[i], s.current, 1)
    redis.call('PEXPIRE', KEYS[i], s.size * (BUCKETS + 2))
    s.total = s.total + 1
    local found = false
    for _, b in ipairs(s.live) do
      if b[1] == s.current then
        b[2] = b[2] + 1
        found = true
      end
    end
    if not found then
      s.live[#s.live + 1] = { s.current, 1 }
    end
  end
  table.sort(s.live, function(a, b) return a[1] < b[1] end)
  local need = s.total - s.limit + 1
  local dropped = 0
  local reset = 0
  for _, b in ipairs(s.live) do
    dropped = dropped + b[2]
    if need <= 0 or dropped >= need then
      reset = math.max(0, (b[1] + BUCKETS + 1) * s.size - now)
      break
    end
  end
  out[#out + 1] = s.total
  out[#out + 1] = reset
end
return out
