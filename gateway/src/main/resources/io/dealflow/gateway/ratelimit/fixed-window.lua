-- Fixed-window rate limits, several at once, atomically, handed out in batches: permits are counted
-- in Redis when they are granted to a gateway instance, which spends the rest of a batch without
-- asking again (LeasedPermits); asking for one permit is plain request counting.
-- KEYS[i]      the counter of limit i (its window starts with the first permit counted)
-- ARGV[3i-2]   the limit of counter i
-- ARGV[3i-1]   the window of counter i, in milliseconds
-- ARGV[3i]     how many permits of counter i the instance asks for; 0 when it still holds one of
--              that counter and only wants to know where the counter stands
-- Each counter asked for permits grants min(asked, limit - count). A request is admitted only if
-- every counter asked grants at least one; a refused request is granted nothing anywhere, so a
-- client that keeps retrying does not push its own reset away.
-- Returns {refused (0|1), count_1, ttl_ms_1, granted_1, count_2, ttl_ms_2, granted_2, ...}, the
-- counts after the grant.
local refused = 0
local counts = {}
local ttls = {}
local grants = {}
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[3 * i - 2])
  local count = tonumber(redis.call('GET', key) or '0')
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then
    -- A counter without expiry would refuse forever; give it a window.
    redis.call('PEXPIRE', key, ARGV[3 * i - 1])
    ttl = tonumber(ARGV[3 * i - 1])
  end
  local asked = tonumber(ARGV[3 * i])
  local grant = math.min(asked, limit - count)
  if asked > 0 and grant < 1 then
    refused = 1
  end
  if grant < 0 then
    grant = 0
  end
  counts[i] = count
  ttls[i] = ttl
  grants[i] = grant
end
if refused == 1 then
  for i = 1, #KEYS do
    grants[i] = 0
  end
else
  for i, key in ipairs(KEYS) do
    if grants[i] > 0 then
      counts[i] = redis.call('INCRBY', key, grants[i])
      if counts[i] == grants[i] then
        redis.call('PEXPIRE', key, ARGV[3 * i - 1])
        ttls[i] = tonumber(ARGV[3 * i - 1])
      end
    end
  end
end
local result = { refused }
for i = 1, #KEYS do
  result[#result + 1] = counts[i]
  result[#result + 1] = ttls[i]
  result[#result + 1] = grants[i]
end
return result
