-- wrk script for bench/run.sh. Settings come from the environment:
--   BENCH_BODY    file whose content is POSTed as application/json (no variable: GET)
--   BENCH_UNIQUE  "1": append n=<tag>-<thread>-<counter> to the query, so every request is a
--                 first request for its URL (a response-cache miss); the API ignores the parameter
--   BENCH_TAG     distinguishes the unique URLs of one wrk run from another's
--   BENCH_MIX     file of requests to cycle through (warm-up), one per line, tab-separated:
--                 method, path, extra header ("-" for none), body file ("-"), unique (0 or 1)
-- A static request (no BENCH_UNIQUE, no BENCH_MIX) defines no request() function, so wrk sends
-- one prebuilt buffer: the load generator must not be what limits the references.
-- done() prints one line, WRKRESULT {json}, for run.sh to parse.

local function read_file(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

local tag = os.getenv("BENCH_TAG") or "run"
local body_file = os.getenv("BENCH_BODY")
local mix_file = os.getenv("BENCH_MIX")
local unique = os.getenv("BENCH_UNIQUE") == "1"

if body_file and body_file ~= "" then
  wrk.method = "POST"
  wrk.body = read_file(body_file)
  wrk.headers["Content-Type"] = "application/json"
end

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local function with_unique(path, counter)
  local separator = string.find(path, "?", 1, true) and "&" or "?"
  return path .. separator .. "n=" .. tag .. "-" .. tostring(thread_id) .. "-" .. counter
end

if mix_file and mix_file ~= "" then
  local mix = {}
  for line in io.lines(mix_file) do
    local method, path, header, body, is_unique = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([01])$")
    assert(method, "bad BENCH_MIX line: " .. line)
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    if header ~= "-" then
      local name, value = header:match("^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    local content = nil
    if body ~= "-" then
      content = read_file(body)
      headers["Content-Type"] = "application/json"
    end
    table.insert(mix, { method = method, path = path, headers = headers, body = content, unique = is_unique == "1" })
  end

  local index, counter = 0, 0
  function request()
    index = index % #mix + 1
    local r = mix[index]
    local path = r.path
    if r.unique then
      counter = counter + 1
      path = with_unique(path, counter)
    end
    return wrk.format(r.method, path, r.headers, r.body)
  end
elseif unique then
  local counter = 0
  function request()
    counter = counter + 1
    return wrk.format(nil, with_unique(wrk.path, counter))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKRESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,"max_us":%.0f,' ..
    '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
