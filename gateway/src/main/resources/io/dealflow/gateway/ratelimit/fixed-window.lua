-- Fixed-window rate limits, several at once, atomically.
-- KEYS[i]      the counter of limit i (its window starts with the first request counted)
-- ARGV[2i-1]   the limit of counter i
-- ARGV[2i]     the window of counter i, in milliseconds
-- A request is admitted only if every counter has room; then every counter counts it. A refused
-- request counts nowhere, so a client that keeps retrying does not push its own reset away.
-- Returns {refused (0|1), count_1, ttl_ms_1, count_2, ttl_ms_2, ...}.
local refused = 0
local counts = {}
local ttls = {}
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then
    -- A counter without expiry would refuse forever; give it a window.
    redis.call('PEXPIRE', key, ARGV[2 * i])
    ttl = tonumber(ARGV[2 * i])
  end
  if count >= tonumber(ARGV[2 * i - 1]) then
    refused = 1
  end
  counts[i] = count
  ttls[i] = ttl
end
if refused == 0 then
  for i, key in ipairs(KEYS) do
    counts[i] = redis.call('INCR', key)
    if counts[i] == 1 then
      redis.call('PEXPIRE', key, ARGV[2 * i])
      ttls[i] = tonumber(ARGV[2 * i])
    end
  end
end
local result = { refused }
for i = 1, #KEYS do
  result[#result + 1] = counts[i]
  result[#result + 1] = ttls[i]
end
return result
