import Foundation
import XCTest
@testable import TOP
import TestFixtures

final class FakeTopGatewayTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_795_226_400)
    private let policy = RetryPolicy()
    private let refund = RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder,
                                       refundAmountFen: 1050, refundTransId: "RT-1")

    private func config(_ method: SignMethod = .md5, secret: String = "gw-secret", appKey: String = "app1") -> TopConfig {
        TopConfig(gateway: URL(string: "http://127.0.0.1:1/router/rest"), appKey: appKey, secret: Secret(secret),
                  signMethod: method)
    }

    private func send(_ gw: FakeTopGateway, _ callback: some TopCallback = RefundConfirm(
        agentOrderId: "A1", status: .success, returnType: .perOrder, refundAmountFen: 1050, refundTransId: "RT-1"),
                      config: TopConfig? = nil, at: Date? = nil) throws -> (status: Int, body: [UInt8], delayMillis: Int, disposition: Disposition) {
        let request = try TopRequest.build(callback, config: config ?? self.config(), timestamp: at ?? now)
        let reply = gw.handle(formBody: request.body, now: now)
        let d = policy.classify(status: reply.status, body: reply.body, method: callback.method).disposition
        return (reply.status, reply.body, reply.delayMillis, d)
    }

    private func isDeadLetter(_ d: Disposition) -> Bool {
        if case .deadLetter = d { return true }
        return false
    }

    func testAcceptsEverySignMethod() throws {
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: nil)
        for (i, m) in SignMethod.allCases.enumerated() {
            let r = RefundConfirm(agentOrderId: "A\(i)", status: .success, returnType: .perOrder,
                                  refundAmountFen: 5, refundTransId: "RT-\(i)")
            let reply = try send(gw, r, config: config(m))
            XCTAssertEqual(reply.disposition, .done, m.rawValue)
            XCTAssertEqual(try TopResponse.parse(reply.body, method: r.method), .accepted(code: "SUCCESS", message: "成功"))
        }
        XCTAssertEqual(gw.calls.map(\.signOK), [true, true, true])
        XCTAssertEqual(gw.processedCount, 3)
    }

    func testRejectsBadSignatureTimestampAndAppKey() throws {
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: nil)
        func code(_ body: [UInt8]) -> Int? {
            if case let .platformError(code, _, _, _)? = try? TopResponse.parse(body) { return code }
            return nil
        }
        let badSign = try send(gw, config: config(secret: "wrong"))
        XCTAssertEqual(code(badSign.body), 25)
        XCTAssertTrue(isDeadLetter(badSign.disposition))
        XCTAssertEqual(code(try send(gw, at: now.addingTimeInterval(-601)).body), 31)
        XCTAssertEqual(code(try send(gw, at: now.addingTimeInterval(599)).body), nil)  // inside the window: accepted
        XCTAssertEqual(code(try send(gw, config: config(appKey: "other")).body), 29)
        XCTAssertEqual(code(gw.handle(formBody: Array("method=x".utf8), now: now).body), 40)
        XCTAssertEqual(gw.calls.map(\.signOK), [false, true, true, true, false])
        // Unknown method, correctly signed.
        let notify = ItemNotify(fromCity: "a", toCity: "b", fromDate: "2026-11-22")
        var params = try TopRequest.build(notify, config: config(), timestamp: now).params.dropLast()
        params[0].1 = "taobao.bus.nothing"
        var signed = Array(params)
        signed.append(("sign", TopSigner.sign(signed, secret: "gw-secret", method: .md5)))
        XCTAssertEqual(code(gw.handle(formBody: FormEncoding.encodeBytes(signed), now: now).body), 22)
    }

    func testDuplicateRefundIsAnsweredButNotPaidTwice() throws {
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: nil)
        XCTAssertEqual(try send(gw).disposition, .done)
        XCTAssertEqual(try send(gw).disposition, .done)
        let multi = MultipleRefundConfirm(agentOrderId: "A1", mainBizOrderId: 1, refundTransNo: "M-1", reason: "r",
                                          tickets: [.init(agentTicketId: "T1", refundFen: 10)])
        XCTAssertEqual(try send(gw, multi).disposition, .done)
        XCTAssertEqual(try send(gw, multi).disposition, .done)
        XCTAssertEqual(gw.calls.map(\.duplicate), [false, true, false, true])
        XCTAssertEqual(gw.calls.map(\.idempotencyKey), ["refund:RT-1", "refund:RT-1", "multi:M-1", "multi:M-1"])
        XCTAssertEqual(gw.processedCount, 2)
    }

    func testFirstNFaultsThenSuccess() throws {
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: FakeTopFaultSpec(parsing: "http500:2"), logPath: nil)
        XCTAssertEqual(try send(gw).status, 500)
        XCTAssertEqual(try send(gw).disposition, .retry(afterSeconds: nil))
        XCTAssertEqual(try send(gw).disposition, .done)
        XCTAssertEqual(gw.calls.map(\.duplicate), [false, false, false])  // 500s were not processed
        XCTAssertEqual(gw.processedCount, 1)
    }

    func testEachFaultMapsToItsDisposition() throws {
        func run(_ f: FakeTopFault) throws -> (status: Int, body: [UInt8], delayMillis: Int, disposition: Disposition) {
            try send(FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: f))
        }
        XCTAssertEqual(try run(.ban).disposition, .retry(afterSeconds: 1))
        XCTAssertEqual(try run(.isp).disposition, .retry(afterSeconds: nil))
        XCTAssertTrue(isDeadLetter(try run(.isv).disposition))
        XCTAssertEqual(try run(.notSuccess).disposition,
                       .deadLetter(reason: "Fliggy refused: PARAM_CHECK_INVALID_ORDER_ID 无效平台/商家订单"))
        XCTAssertEqual(try run(.malformed).disposition, .retry(afterSeconds: nil))
        let slow = try run(.slow)
        XCTAssertEqual(slow.delayMillis, 1500)
        XCTAssertEqual(slow.disposition, .done)
        XCTAssertGreaterThanOrEqual(try run(.timeout).delayMillis, FakeTopGateway.hangMillis)
    }

    func testLostAnswerThenRetryIsADuplicate() throws {
        // malformed:1 processes the refund but garbles the answer; the retry is recognised.
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: FakeTopFaultSpec(fault: .malformed, count: 1), logPath: nil)
        XCTAssertEqual(try send(gw).disposition, .retry(afterSeconds: nil))
        XCTAssertEqual(try send(gw).disposition, .done)
        XCTAssertEqual(gw.calls.map(\.duplicate), [false, true])
        XCTAssertEqual(gw.processedCount, 1)
    }

    func testRefuseIsForTheSocketWrapper() {
        let gw = FakeTopGateway(secret: "s", appKey: "a", fault: FakeTopFaultSpec(fault: .refuse, count: 1), logPath: nil)
        XCTAssertTrue(gw.takeConnectionRefusal())
        XCTAssertFalse(gw.takeConnectionRefusal())
        XCTAssertFalse(FakeTopGateway(secret: "s", appKey: "a", fault: .http500).takeConnectionRefusal())
        XCTAssertEqual(gw.calls.map(\.answer), ["refused"])
    }

    func testSimplifyAnswersFlat() throws {
        let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: nil)
        var c = config()
        c.simplify = true
        let reply = try send(gw, config: c)
        XCTAssertEqual(try JSON.parse(reply.body)["is_success"], .bool(true))
        XCTAssertEqual(reply.disposition, .done)
    }

    func testFaultSpecParsing() {
        XCTAssertEqual(FakeTopFaultSpec(parsing: "http500"), FakeTopFaultSpec(fault: .http500))
        XCTAssertEqual(FakeTopFaultSpec(parsing: "not-success:3"), FakeTopFaultSpec(fault: .notSuccess, count: 3))
        for bad in ["", "http", "http500:", "http500:0", "http500:x", "ban:1:2"] {
            XCTAssertNil(FakeTopFaultSpec(parsing: bad), bad)
        }
    }

    func testLogFileHasOneJSONLinePerCallAndNoSecrets() throws {
        let temp = TempDirectory("faketop")
        let path = temp.file("calls.jsonl")
        do {
            let gw = FakeTopGateway(secret: "gw-secret", appKey: "app1", fault: nil, logPath: path)
            var c = config()
            c.session = Secret("session-token-xyz")
            _ = try send(gw, config: c)
            _ = try send(gw, config: c)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let second = try JSON.parse(String(lines[1]))
        XCTAssertEqual(second["method"], "taobao.bus.agent.refund.confirm")
        XCTAssertEqual(second["idempotency_key"], "refund:RT-1")
        XCTAssertEqual(second["duplicate"], .bool(true))
        XCTAssertEqual(second["sign_ok"], .bool(true))
        XCTAssertFalse(text.contains("gw-secret"))
        XCTAssertFalse(text.contains("session-token-xyz"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}
