-- wrk script for bench/qimen.sh: signs every request the way the Qimen gateway does
-- (docs/PROTOCOL.md (Qimen): upper-case hex MD5 of secret + sorted key/value pairs + body + secret).
-- wrk's LuaJIT has no MD5, so a small one is below; init() checks it against the
-- PROTOCOL vector before any request goes out.
--
-- wrk ... -s bench/qimen.lua URL -- MODE SECRET PARAMS_FILE [RUN_PREFIX]
--   MODE: fromcity tocity number seat create query confirm fee stopped, or mixed (the read interfaces in turn)

local bit = require("bit")
local band, bor, bxor, bnot, lshift, rshift, rol, tobit =
  bit.band, bit.bor, bit.bxor, bit.bnot, bit.lshift, bit.rshift, bit.rol, bit.tobit

local K, S = {}, {
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21 }
for i = 0, 63 do K[i] = tobit(math.floor(math.abs(math.sin(i + 1)) * 2 ^ 32)) end

local function hexle(x)
  return string.format("%02X%02X%02X%02X", band(x, 255), band(rshift(x, 8), 255),
    band(rshift(x, 16), 255), band(rshift(x, 24), 255))
end

local function md5(msg)
  local len = #msg
  local bits = len * 8
  local tail = {}
  for i = 0, 7 do tail[i + 1] = string.char(math.floor(bits / 2 ^ (8 * i)) % 256) end
  msg = msg .. "\128" .. string.rep("\0", (55 - len) % 64) .. table.concat(tail)
  local a0, b0, c0, d0 = tobit(0x67452301), tobit(0xefcdab89), tobit(0x98badcfe), tobit(0x10325476)
  local M = {}
  for chunk = 1, #msg, 64 do
    for i = 0, 15 do
      local b1, b2, b3, b4 = string.byte(msg, chunk + i * 4, chunk + i * 4 + 3)
      M[i] = bor(b1, lshift(b2, 8), lshift(b3, 16), lshift(b4, 24))
    end
    local A, B, C, D = a0, b0, c0, d0
    for i = 0, 63 do
      local F, g
      if i < 16 then F, g = bor(band(B, C), band(bnot(B), D)), i
      elseif i < 32 then F, g = bor(band(D, B), band(bnot(D), C)), (5 * i + 1) % 16
      elseif i < 48 then F, g = bxor(B, C, D), (3 * i + 5) % 16
      else F, g = bxor(C, bor(B, bnot(D))), (7 * i) % 16 end
      F = tobit(F + A + K[i] + M[g])
      A, D, C = D, C, B
      B = tobit(B + rol(F, S[i + 1]))
    end
    a0, b0, c0, d0 = tobit(a0 + A), tobit(b0 + B), tobit(c0 + C), tobit(d0 + D)
  end
  return hexle(a0) .. hexle(b0) .. hexle(c0) .. hexle(d0)
end

local function encode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Method names: docs/PROTOCOL.md's Qimen defaults.
local methods = {
  fromcity = "qimen.alitrip.custombus.product.fromcity.query",
  tocity = "qimen.alitrip.custombus.product.tocity.query",
  number = "qimen.alitrip.custombus.product.number.query",
  seat = "qimen.alitrip.custombus.product.seat.query",
  create = "qimen.alitrip.custombus.order.create",
  query = "qimen.alitrip.custombus.order.query",
  confirm = "qimen.alitrip.custombus.order.confirm",
  fee = "qimen.alitrip.custombus.return.query",
  stopped = "qimen.alitrip.custombus.offline.number.query",
}
-- The read-only interfaces a mixed run cycles through (confirm on an issued order answers its state).
local mixed = { "fromcity", "tocity", "number", "seat", "query", "fee", "stopped", "confirm" }

-- Signed path for one body at one timestamp.
local function signed(secret, method, timestamp, body)
  local params = {
    { "app_key", "12345678" }, { "customerId", "2200000000" }, { "format", "json" }, { "method", method },
    { "sign_method", "md5" }, { "target_app_key", "87654321" }, { "timestamp", timestamp }, { "v", "2.0" } }
  table.sort(params, function(x, y) return x[1] < y[1] end)
  local text, query = {}, {}
  for _, p in ipairs(params) do
    text[#text + 1] = p[1] .. p[2]
    query[#query + 1] = p[1] .. "=" .. encode(p[2])
  end
  local sign = md5(secret .. table.concat(text) .. body .. secret)
  return "/qimen?" .. table.concat(query, "&") .. "&sign=" .. sign
end

local function now8()
  return os.date("!%Y-%m-%d %H:%M:%S", os.time() + 8 * 3600)
end

-- Each wrk thread gets a number, so create-order ids never collide between threads.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

-- args: MODE SECRET PARAMS_FILE RUN_PREFIX. PARAMS_FILE holds key=value lines prepared by qimen.sh from the store.
local mode, secret, prefix
local P = {}
local headers = { ["Content-Type"] = "application/json;charset=utf-8" }
local seq, cached = 0, {}

-- Request bodies in docs/PROTOCOL.md's Qimen published shapes.
local function body(kind)
  if kind == "fromcity" then return '{}' end
  if kind == "tocity" then return '{"fromCity":"' .. P.from_city .. '"}' end
  if kind == "number" then
    return '{"fromCityName":"' .. P.from_city .. '","toCityName":"' .. P.to_city .. '","departDate":"' .. P.date .. '"}'
  end
  if kind == "seat" then
    return '{"scheduleId":"' .. P.schedule .. '","lineId":"' .. P.line .. '","fromDate":"' .. P.date .. '","fromTime":"' .. P.time .. '"}'
  end
  if kind == "query" or kind == "fee" or kind == "confirm" then
    return '{"agentOrderId":"' .. P.agent_order .. '","alitripOrderId":"' .. P.alitrip_order .. '"}'
  end
  if kind == "stopped" then
    return '{"fromCity":"' .. P.from_city .. '","fromDateTimeBegin":"' .. P.date .. ' 00:00:00","fromDateTimeEnd":"' .. P.date .. ' 23:59:59"}'
  end
  seq = seq + 1
  return '{"alitripOrderId":"' .. prefix .. string.format("%02d%09d", tid or 0, seq) .. '","scheduleId":"' .. P.schedule
    .. '","lineId":"' .. P.line .. '","fromDate":"' .. P.date .. '","fromTime":"' .. P.time .. ':00","ticketAmount":' .. P.price
    .. ',"orderAmount":' .. P.amount .. ',"ticketCount":1,"contactName":"压测","contactMobile":"13900000000",'
    .. '"passengerList":[{"passengerName":"压测","passengerCertificateNo":"330106199001011109",'
    .. '"passengerCertificateType":"1","passengerType":"0","ticketPrice":' .. P.price .. '}]}'
end

function init(args)
  assert(md5("") == "D41D8CD98F00B204E9800998ECF8427E", "md5 self-test")
  local vector = signed("testsecret", "qimen.alitrip.bus.product.querystation", "2026-11-21 10:00:00",
    '{"cityName":"香港","cityCode":"810100"}')
  assert(vector:sub(-32) == "B6138F0C1C7AAFE60E26CA7E327252B1", "PROTOCOL vector: " .. vector)
  mode, secret, prefix = args[1], args[2], (args[4] or "") .. (args[5] or "")
  for line in io.lines(args[3]) do
    local k, v = line:match("^([%w_]+)=(.*)$")
    if k then P[k] = v end
  end
  assert(mode == "mixed" or methods[mode], "unknown mode " .. tostring(mode))
end

local turn = 0
function request()
  local kind = mode
  if mode == "mixed" then
    turn = turn % #mixed + 1
    kind = mixed[turn]
  end
  local stamp = now8()
  if kind ~= "create" then
    -- The same body within a second signs the same: build each once per second.
    local c = cached[kind]
    if not c or c.stamp ~= stamp then
      local b = body(kind)
      c = { stamp = stamp, request = wrk.format("POST", signed(secret, methods[kind], stamp, b), headers, b) }
      cached[kind] = c
    end
    return c.request
  end
  local b = body(kind)
  return wrk.format("POST", signed(secret, methods.create, stamp, b), headers, b)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
