import Foundation
import XCTest
@testable import TOP

/// The console's gateway health (issue 12): failing from the first batch that only failed until one that sent;
/// idle batches change nothing; a refusing configuration counts as failing. And the environment badge.
final class GatewayHealthTests: XCTestCase {
    func testFailingRunStartsOnceAndEndsOnASend() {
        var h = GatewayHealth()
        var failed = DispatchReport()
        failed.retried = 2
        failed.lastFailure = "HTTP 502 Bad Gateway"
        h.observe(failed, now: 100)
        XCTAssertEqual(h, GatewayHealth(failingSince: 100, lastError: "HTTP 502 Bad Gateway"))
        failed.lastFailure = "transport connection refused"
        h.observe(failed, now: 160)
        XCTAssertEqual(h.failingSince, 100, "since the first failure")
        XCTAssertEqual(h.lastError, "transport connection refused", "the last error")
        h.observe(DispatchReport(), now: 200)
        XCTAssertEqual(h.failingSince, 100, "an idle batch proves nothing")
        var sent = DispatchReport()
        sent.sent = 1
        h.observe(sent, now: 220)
        XCTAssertEqual(h, GatewayHealth(everSent: true))
        var refused = DispatchReport()
        refused.refused = "plain http to a non-loopback host"
        h.observe(refused, now: 300)
        XCTAssertEqual(h.failingSince, 300)
    }

    func testEnvironmentBadge() {
        XCTAssertEqual(TopConfig.environmentBadge(TopConfig.productionGateway), "PROD")
        XCTAssertEqual(TopConfig.environmentBadge(TopConfig.sandboxGateway), "SANDBOX")
        XCTAssertEqual(TopConfig.environmentBadge(URL(string: "http://127.0.0.1:8080/router/rest")!), "LOCAL")
        XCTAssertEqual(TopConfig.environmentBadge(URL(string: "http://localhost:9/r")!), "LOCAL")
        XCTAssertEqual(TopConfig.environmentBadge(URL(string: "https://gw.example.com/router/rest")!), "CUSTOM")
    }
}
