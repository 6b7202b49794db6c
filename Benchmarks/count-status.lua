-- wrk script of Benchmarks/run: sends the Cookie header in BENCH_COOKIE (when set) and counts
-- every response that is not a 200 (a redirect to the sign-in page is a 303, which wrk's own
-- "Non-2xx or 3xx" line would not count). Prints "not-200: N" at the end.

local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    not_ok = 0
end

function response(status, headers, body)
    if status ~= 200 then
        not_ok = not_ok + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("not_ok")
    end
    io.write(string.format("not-200: %d\n", total))
end
