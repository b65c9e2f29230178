import XCTest
@testable import Console
@testable import Store
import Operations
import Views

/// The ticket password (取票密码) is a pick-up credential: the issue form draws one `*` per typed character and the
/// confirmation masks it, until the order is revealed (the detail's `v`, audited), as the order detail does.
final class SecretDialogMaskingTests: XCTestCase {
    var fx: ActionStoreFixture!
    var now: Int { fx.now }

    override func setUpWithError() throws { fx = try ActionStoreFixture() }
    override func tearDown() { fx = nil }

    /// The detail of an order awaiting tickets on screen, and I pressed: the issue form.
    func issueForm(width: Int, height: Int) throws -> AppState {
        var s = consoleState(width: width, height: height, now: now)
        let d = try fx.detail(status: .awaitingTicket)
        s.detail = DetailState(orderId: d.summary.id)
        _ = Update.apply(&s, .detailLoaded(d), now: now)
        _ = Update.apply(&s, .key(.char("I")), now: now)
        if case .form? = s.overlay {} else { XCTFail("no issue form: \(String(describing: s.message))") }
        return s
    }

    func screen(_ s: AppState) -> [String] { FrameRenderer.render(s, now: now).text() }

    /// The form's password row as drawn ("" when the form is not on screen, which fails the caller's assertions).
    func passwordLine(_ s: AppState) -> String {
        screen(s).first { $0.contains("Ticket password") } ?? ""
    }

    func testTheFormDrawsOneStarPerTypedCharacterUntilTheOrderIsRevealed() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = try issueForm(width: w, height: h)
            typeKeys(&s, "TK-42", now: now)
            _ = Update.apply(&s, .key(.tab), now: now)
            typeKeys(&s, "Zq7x9p", now: now)
            let text = screen(s).joined(separator: "\n")
            XCTAssertFalse(text.contains("Zq7x9p"), "\(w)x\(h): the password in clear:\n\(text)")
            XCTAssertTrue(text.contains("TK-42"), "the ticket number is not secret")
            XCTAssertTrue(passwordLine(s).contains("****** "), passwordLine(s))
            XCTAssertFalse(passwordLine(s).contains("*******"), "one star per character: \(passwordLine(s))")
            guard case .form(let f)? = s.overlay else { return XCTFail() }
            XCTAssertEqual(f.fields[1].value, "Zq7x9p", "what is submitted is what was typed")

            // Backspace takes one star away; the cursor moved left shows a star under it, never the character.
            _ = Update.apply(&s, .key(.backspace), now: now)
            XCTAssertTrue(passwordLine(s).contains("***** ") && !(passwordLine(s).contains("******")), passwordLine(s))
            _ = Update.apply(&s, .key(.left), now: now)
            XCTAssertFalse(screen(s).joined().contains("Zq7x9"), "\(w)x\(h)")

            // Revealed (its audit row committed), the form shows what was typed, as the detail does.
            s.detail?.revealed = true
            XCTAssertTrue(passwordLine(s).contains("Zq7x9"), passwordLine(s))
        }
    }

    func testTheConfirmationMasksThePasswordButNotTheTicketNumberItEndsWith() throws {
        var s = try issueForm(width: 80, height: 24)
        // A password is often the tail of its ticket number (T00799819, 799819): the number stays readable.
        typeKeys(&s, "T00799819", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        typeKeys(&s, "799819", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        typeKeys(&s, "B3", now: now)
        let effects = Update.apply(&s, .key(.enter), now: now)
        guard case .prepareConfirm(let purpose, let values)? = effects.first else { return XCTFail("\(effects)") }
        for event in fx.effects().prepareConfirm(purpose, values) { _ = Update.apply(&s, event, now: now) }
        guard case .confirm(let c)? = s.overlay else { return XCTFail("no confirmation: \(String(describing: s.message))") }
        XCTAssertTrue(c.lines.joined().contains("password 799819"), "the preview itself is exact: masked when drawn")

        let masked = screen(s).joined(separator: "\n")
        XCTAssertTrue(masked.contains("ticket number T00799819, password ******, gate B3"), masked)
        XCTAssertFalse(masked.replacingOccurrences(of: "T00799819", with: "").contains("799819"), masked)

        s.detail?.revealed = true
        XCTAssertTrue(screen(s).joined(separator: "\n").contains("password 799819, gate B3"))
    }

    /// The Due view's I (its order opens, then the form) draws the same form and confirmation; once issued, the
    /// detail masks the password until `v`, whose audit row is committed before it is shown.
    func testFromTheDueViewToTheRevealThePasswordShowsOnlyAfterTheAuditedReveal() throws {
        var d = ConsoleDriver(fx)
        d.press(.char("5"), .char("I"))
        guard case .form(let f)? = d.s.overlay else { return XCTFail("the issue form: \(String(describing: d.s.message))") }
        let order = try XCTUnwrap(f.title.split(separator: " ").last.map(String.init))
        d.type("TK-42"); d.press(.tab); d.type("Zq7x9p")
        XCTAssertFalse(d.screen.contains("Zq7x9p"), d.screen)
        XCTAssertTrue(d.screen.contains("Ticket password ******"), d.screen)
        d.press(.tab); d.type("A2"); d.press(.enter)
        guard case .confirm? = d.s.overlay else { return XCTFail("the confirmation: \(String(describing: d.s.message))") }
        XCTAssertTrue(d.screen.contains("password ******, gate A2"), d.screen)
        XCTAssertFalse(d.screen.contains("Zq7x9p"), d.screen)
        d.press(.char("y"))
        XCTAssertEqual(try fx.text("SELECT fetch_pwd FROM orders WHERE agent_order_id = ?", .text(order)), "Zq7x9p", d.s.message?.text ?? "")
        XCTAssertTrue(d.screen.contains("密码 ******"), d.screen)
        XCTAssertFalse(d.screen.contains("Zq7x9p"), d.screen)
        let reveals = "SELECT count(*) FROM audit WHERE action = 'reveal.personal-data' AND entity_id = ?"
        XCTAssertEqual(try fx.int(reveals, .text(order)), 0)
        d.press(.char("v"))
        XCTAssertTrue(d.screen.contains("密码 Zq7x9p"), d.screen)
        XCTAssertEqual(try fx.int(reveals, .text(order)), 1, "the reveal is in the audit trail")
    }

    func testRedactionMasksASecretOnlyWhereItStandsAlone() {
        let r = Redaction(secrets: ["799819"])
        XCTAssertEqual(r.apply("ticket number T00799819, password 799819, gate B3"), "ticket number T00799819, password ******, gate B3")
        XCTAssertEqual(r.apply("799819"), "******")
        XCTAssertEqual(r.apply("(799819)7998190"), "(******)7998190")
        XCTAssertEqual(Redaction(secrets: ["a-very-long-password"]).apply("pwd a-very-long-password."), "pwd ********.",
                       "at most eight stars, as the order detail shows it")
        XCTAssertTrue(Redaction(secrets: [""]).isEmpty)
    }

    func testTheStalePreviewRefusalNeverQuotesTheLineCarryingThePassword() {
        let secret = PersonalValues(secrets: ["4321"])
        let shown = ActionPreview(title: "t", lines: ["ticket number T1, password 4321, fetch at A"], version: 1, method: "m",
                                  params: [#"{"a":"A"}"#], personal: secret)
        var now = shown
        now.lines = ["ticket number T1, password 4321, fetch at B"]
        now.params = [#"{"a":"B"}"#]
        let why = now.difference(from: shown)
        XCTAssertNotNil(why)
        XCTAssertFalse(why?.contains("4321") ?? true, why ?? "")
        now.personal = PersonalValues()
        XCTAssertEqual(now.difference(from: shown), "now: ticket number T1, password 4321, fetch at B", "without a secret the line is quoted")
    }
}
