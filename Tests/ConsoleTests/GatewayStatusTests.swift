import XCTest
@testable import Console
@testable import Store
import TOP

/// The status line's gateway words (issue 12) and the badge from BUSOPS_TOP_GATEWAY, through Update and the frame.
final class GatewayStatusTests: XCTestCase {
    let now = ChinaTime.epoch(year: 2026, month: 11, day: 21, hour: 14, minute: 30)

    func testWordsAndBadge() {
        XCTAssertEqual(GatewayStatus.badge(env: ["BUSOPS_TOP_GATEWAY": "production"]), "PROD")
        XCTAssertEqual(GatewayStatus.badge(env: ["BUSOPS_TOP_GATEWAY": "sandbox"]), "SANDBOX")
        XCTAssertEqual(GatewayStatus.badge(env: ["BUSOPS_TOP_GATEWAY": "http://127.0.0.1:9/router/rest"]), "LOCAL")
        XCTAssertNil(GatewayStatus.badge(env: [:]))
        XCTAssertEqual(GatewayStatus(notSending: "not configured").line().text, "TOP not configured")
        XCTAssertEqual(GatewayStatus().line().text, "TOP ok")
        let since = ChinaTime.epoch(year: 2026, month: 11, day: 21, hour: 14, minute: 2)
        let failing = GatewayStatus(badge: "PROD", health: GatewayHealth(failingSince: since, lastError: "HTTP 502"))
        XCTAssertEqual(failing.line().text, "✖ TOP failing since 14:02: HTTP 502")
        XCTAssertTrue(failing.line().failing)
    }

    func testOnTheFrameAfterAnyKey() {
        var s = consoleState(isDemo: false, width: 80, height: 24, now: now)
        _ = Update.apply(&s, .gatewayChecked(GatewayStatus(badge: "SANDBOX", notSending: "not configured")), now: now)
        _ = Update.apply(&s, .key(.char("j")), now: now)
        _ = Update.apply(&s, .key(.char("2")), now: now)
        let text = FrameRenderer.render(s, now: now).text()
        XCTAssertTrue(text[0].hasSuffix(" SANDBOX"), text[0])
        XCTAssertTrue(text[22].hasPrefix(" TOP not configured"), text[22])
    }

    /// At 80 columns "TOP not sending from this console" beside the outbox counts and the clock was cut to
    /// "…from this conso": the short form is shown whole instead, and the 120-column line keeps the long one.
    func testNotSendingIsNeverCutAt80Columns() {
        for (width, expected) in [(80, " TOP not sending "), (120, " TOP not sending from this console ")] {
            var s = consoleState(isDemo: false, width: width, height: 24, now: now)
            s.live.outboxPending = 44_000
            s.live.outboxFailed = 51_000
            _ = Update.apply(&s, .gatewayChecked(GatewayStatus(notSending: "not sending from this console")), now: now)
            let line = FrameRenderer.render(s, now: now).text()[22]
            XCTAssertTrue(line.hasPrefix(expected), "\(width): \(line)")
            XCTAssertTrue(line.contains("44000 pending 51000 failed"), "\(width): \(line)")
            if width == 80 { XCTAssertFalse(line.contains("from this"), line) }
        }
    }
}
