// The logic of a local TOP gateway, without sockets: verifies what a real gateway verifies
// (app key, timestamp window, signature by any sign method), de-duplicates refunds on their
// transaction ids like Fliggy, logs every call, and injects faults on demand.

import Foundation

public final class FakeTopGateway: @unchecked Sendable {
    /// The bus callbacks it accepts.
    public static let knownMethods: [String: String] = TopMethods.paramNames
    /// A `delayMillis` at least this long means "never answer": the socket wrapper should hold
    /// the connection until the client gives up, then close it.
    public static let hangMillis = 3_600_000
    /// TOP refuses timestamps further than this from its clock.
    public static let timestampWindow: TimeInterval = 600

    private let secret: String
    private let appKey: String
    private let lock = NSLock()
    private var fault: FakeTopFault?
    private var faultsLeft: Int?
    private var seenKeys: Set<String> = []
    private var log: [FakeTopCall] = []
    private var requestCounter = 0
    private let logFile: JSONLinesFile?

    public var slowMillis = 1500
    public var banSeconds = 1

    public convenience init(secret: String, appKey: String, fault: FakeTopFault?) {
        self.init(secret: secret, appKey: appKey, fault: fault.map { FakeTopFaultSpec(fault: $0) }, logPath: nil)
    }

    public init(secret: String, appKey: String, fault: FakeTopFaultSpec?, logPath: String?) {
        self.secret = secret
        self.appKey = appKey
        self.fault = fault?.fault
        self.faultsLeft = fault?.count
        self.logFile = logPath.map(JSONLinesFile.init(path:))
    }

    /// Every call so far, oldest first.
    public var calls: [FakeTopCall] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// The fault this gateway injects, if any (the socket wrapper needs to know about `refuse`).
    public var faultKind: FakeTopFault? {
        lock.lock()
        defer { lock.unlock() }
        return fault
    }

    /// True once a counted fault (`KIND:N`) has hit its N calls; never for an uncounted one.
    public var faultExhausted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return fault != nil && (faultsLeft.map { $0 <= 0 } ?? false)
    }

    /// Calls that changed state (first deliveries that passed checks); duplicates excluded.
    public var processedCount: Int {
        calls.filter { $0.answer == "ok" && !$0.duplicate }.count
    }

    /// For the socket wrapper, once per accepted connection: true means close it at once.
    public func takeConnectionRefusal() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard fault == .refuse, consumeFault() else { return false }
        log.append(FakeTopCall(time: Date(), method: nil, idempotencyKey: nil, duplicate: false, signOK: false,
                               fault: .refuse, status: 0, answer: "refused"))
        logFile?.append(log[log.count - 1].jsonLine())
        return true
    }

    public func handle(formBody: [UInt8], now: Date) -> (status: Int, body: [UInt8], delayMillis: Int) {
        lock.lock()
        defer { lock.unlock() }
        requestCounter += 1
        let requestId = "fake-\(requestCounter)"
        var call = FakeTopCall(time: now, method: nil, idempotencyKey: nil, duplicate: false, signOK: false,
                               fault: nil, status: 200, answer: "ok")
        let reply = answer(formBody, now: now, requestId: requestId, call: &call)
        call.status = reply.status
        log.append(call)
        logFile?.append(call.jsonLine())
        return reply
    }

    // MARK: - Private (lock held)

    /// Uses up one faulty call; false when the fault's budget is spent.
    private func consumeFault() -> Bool {
        guard fault != nil else { return false }
        guard let left = faultsLeft else { return true }
        if left <= 0 { return false }
        faultsLeft = left - 1
        return true
    }

    private func activeFault() -> FakeTopFault? {
        guard let f = fault, f != .refuse, consumeFault() else { return nil }
        return f
    }

    private func answer(_ body: [UInt8], now: Date, requestId: String,
                        call: inout FakeTopCall) -> (status: Int, body: [UInt8], delayMillis: Int) {
        func fail(_ code: Int, _ msg: String, sub: String? = nil, subMsg: String? = nil) -> (Int, [UInt8], Int) {
            call.answer = "error \(code)"
            return (200, FakeTopReplies.error(code, msg, subCode: sub, subMsg: subMsg, requestId: requestId), 0)
        }
        guard let pairs = try? FormEncoding.decode(body) else {
            return fail(41, "Invalid Arguments", sub: "isv.invalid-form", subMsg: "body is not form-encoded UTF-8")
        }
        var params: [String: String] = [:]
        for (k, v) in pairs where params[k] == nil { params[k] = v }
        call.method = params["method"]
        call.signOK = verifySign(pairs, params)
        let injected = activeFault()
        call.fault = injected

        // Gateway-level faults come before any checking, as a sick gateway would answer.
        switch injected {
        case .http500?:
            call.answer = "http 500"
            return (500, FakeTopReplies.internalError, 0)
        case .ban?:
            return fail(7, "App Call Limited", sub: "accesscontrol.limited-by-app-access-count",
                        subMsg: "This ban will last for \(banSeconds) more seconds")
        case .isp?:
            return fail(15, "Remote service error", sub: "isp.remote-service-error", subMsg: "服务暂不可用")
        default: break
        }

        guard let method = params["method"], let appKeyParam = params["app_key"], let ts = params["timestamp"],
              params["sign"] != nil
        else { return fail(40, "Missing Required Arguments") }
        guard appKeyParam == appKey else { return fail(29, "Invalid App Key") }
        guard let sent = TopClock.parse(ts), abs(sent.timeIntervalSince(now)) <= Self.timestampWindow else {
            return fail(31, "Invalid Timestamp", sub: "isv.invalid-timestamp", subMsg: "timestamp is more than 10 minutes off")
        }
        guard call.signOK else { return fail(25, "Invalid Signature") }
        guard let paramName = Self.knownMethods[method] else { return fail(22, "Invalid Method") }
        call.business = params[paramName]
        guard let text = params[paramName], let business = try? JSON.parse(text), business.objectValue != nil else {
            return fail(41, "Invalid Arguments", sub: "isv.missing-parameter", subMsg: "\(paramName) missing or not a JSON object")
        }
        if injected == .isv { return fail(50, "Remote service error", sub: "isv.invalid-parameter", subMsg: "非法参数") }
        let simplify = params["simplify"] == "true"
        if injected == .notSuccess {
            call.answer = "PARAM_CHECK_INVALID_ORDER_ID"
            return (200, FakeTopReplies.business(method: method, success: false, code: "PARAM_CHECK_INVALID_ORDER_ID",
                                                 message: "无效平台/商家订单", simplify: simplify, requestId: requestId), 0)
        }

        // The call is processed from here on: the fake "pays" once per idempotency key.
        let key = Self.idempotencyKey(method: method, business: business)
        call.idempotencyKey = key
        if let key {
            call.duplicate = seenKeys.contains(key)
            seenKeys.insert(key)
        }
        let ok = FakeTopReplies.business(method: method, success: true, code: "SUCCESS",
                                         message: call.duplicate ? "重复请求,已处理" : "成功",
                                         simplify: simplify, requestId: requestId)
        switch injected {
        case .malformed?: return (200, FakeTopReplies.malformed(method: method, requestId: requestId), 0)
        case .timeout?: return (200, ok, Self.hangMillis)
        case .slow?: return (200, ok, slowMillis)
        default: return (200, ok, 0)
        }
    }

    private func verifySign(_ pairs: [(String, String)], _ params: [String: String]) -> Bool {
        guard let m = params["sign_method"].flatMap(SignMethod.init(rawValue:)), let sign = params["sign"] else {
            return false
        }
        return TopSigner.verify(pairs, secret: secret, method: m, sign: sign)
    }

    /// What Fliggy de-duplicates on: the refund transaction ids; for calls without one, the
    /// order (and ticket) they are about, so a re-sent confirmation also shows as a duplicate.
    static func idempotencyKey(method: String, business: JSON) -> String? {
        let order = business["agent_order_id"]?.stringValue ?? ""
        switch method {
        case RefundConfirm.method:
            if let id = business["agent_refund_trans_id"]?.stringValue { return "refund:\(id)" }
            return "refund-order:\(order):\(business["agent_ticket_id"]?.stringValue ?? "*")"
        case MultipleRefundConfirm.method:
            return business["agent_refund_trans_no"]?.stringValue.map { "multi:\($0)" }
        case BookTicketConfirm.method:
            return "book:\(order)"
        default:
            return nil
        }
    }
}
