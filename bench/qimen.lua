-- wrk script for bench/qimen.sh: signs every request the way the Qimen gateway does
-- (PROTOCOL.md §2: upper-case hex MD5 of secret + sorted key/value pairs + body + secret).
-- wrk's LuaJIT has no MD5, so a small one is below; init() checks it against the
-- PROTOCOL vector before any request goes out.
--
-- wrk ... -s bench/qimen.lua URL -- seat   SECRET SCHEDULE_ID DATE
-- wrk ... -s bench/qimen.lua URL -- create SECRET SCHEDULE_ID START_TIME AMOUNT_FEN RUN_PREFIX

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

local methods = {
  seat = "qimen.alitrip.custombus.product.seat.query",
  create = "qimen.alitrip.custombus.order.create",
}

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

local mode, secret, schedule, arg3, amount, prefix
local headers = { ["Content-Type"] = "application/json;charset=utf-8" }
local seq, cachedStamp, cachedRequest = 0, nil, nil

function init(args)
  assert(md5("") == "D41D8CD98F00B204E9800998ECF8427E", "md5 self-test")
  local vector = signed("testsecret", "qimen.alitrip.bus.product.querystation", "2026-11-21 10:00:00",
    '{"cityName":"香港","cityCode":"810100"}')
  assert(vector:sub(-32) == "B6138F0C1C7AAFE60E26CA7E327252B1", "PROTOCOL vector: " .. vector)
  mode, secret, schedule, arg3, amount, prefix = args[1], args[2], args[3], args[4], args[5], (args[6] or "") .. (args[7] or "")
  assert(methods[mode], "mode must be seat or create")
end

function request()
  local stamp = now8()
  if mode == "seat" then
    -- The same body within a second signs the same: build it once per second.
    if stamp ~= cachedStamp then
      local body = '{"scheduleId":"' .. schedule .. '","fromDate":"' .. arg3 .. '"}'
      cachedStamp, cachedRequest = stamp, wrk.format("POST", signed(secret, methods.seat, stamp, body), headers, body)
    end
    return cachedRequest
  end
  seq = seq + 1
  local body = '{"alitripOrderId":"' .. prefix .. string.format("%02d%09d", tid or 0, seq) .. '","scheduleId":"' .. schedule
    .. '","startTime":"' .. arg3 .. '","ticketCount":1,"orderAmount":' .. amount
    .. ',"contactName":"压测","contactPhone":"13900000000","passengers":[{"passengerId":"1","name":"压测",'
    .. '"certType":1,"certNo":"330106199001011109","phone":"13800000000"}]}'
  return wrk.format("POST", signed(secret, methods.create, stamp, body), headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
