import XCTest
@testable import Console
@testable import Store
import Operations

/// Issue 12, "Lists operators asked for": Callbacks narrow by state and method, and Enter shows any callback in
/// full (item.notify included), with its order one key away when it has one.
final class CallbackUpdateTests: XCTestCase {
    let now = fixedNow

    func callback(_ id: Int64, method: String = "taobao.bus.item.notify", orderId: Int64? = nil) -> OutboxRecord {
        OutboxRecord(id: id, method: method, orderId: orderId, agentOrderId: orderId.map { "BO\($0)" }, refundId: nil, idempotencyKey: "K\(id)",
                     params: "{}", state: .failed, attempts: 3, nextAttemptAt: now, lastHttpStatus: 200, lastCode: "isv", lastSubCode: nil,
                     lastMessage: "no", lastRequest: nil, lastResponse: nil, createdAt: now, updatedAt: now)
    }

    func onCallbacks(_ rows: [OutboxRecord]) -> AppState {
        var s = consoleState(width: 80, height: 24, now: now)
        _ = Update.apply(&s, .key(.char("4")), now: now)
        _ = Update.apply(&s, .callbacksLoaded(rows, total: rows.count), now: now)
        return s
    }

    func testStateAndMethodKeysNarrowTheListAndStartAtItsTop() {
        var s = onCallbacks([callback(1), callback(2)])
        s.callbacks.selected = 1
        XCTAssertEqual(Update.apply(&s, .key(.char("f")), now: now), [.loadCallbacks])
        XCTAssertEqual(s.callbackFilter.state, .failed)
        XCTAssertEqual(s.callbacks.selected, 0)
        for expected in [CallbackFilter.State.retrying, .pending, .sent] {
            _ = Update.apply(&s, .key(.char("f")), now: now)
            XCTAssertEqual(s.callbackFilter.state, expected)
        }
        _ = Update.apply(&s, .key(.char("f")), now: now)
        XCTAssertNil(s.callbackFilter.state, "and round to every state")
        XCTAssertEqual(Update.apply(&s, .key(.char("m")), now: now), [.loadCallbacks])
        XCTAssertEqual(s.callbackFilter.method, "taobao.bus.agent.bookticket.confirm")
        // "only every state, bookticket" read as nonsense: "only" goes with what narrows.
        XCTAssertEqual(s.message?.text, "callbacks: every state, only bookticket")
        let screen = FrameRenderer.render(s, now: now).text()
        XCTAssertTrue(screen[1].contains("every state, only bookticket"), screen[1])
        XCTAssertFalse(screen[1].contains("only every"), screen[1])
    }

    /// A filter down to one row read "1 callbacks".
    func testOneCallbackIsSingular() {
        let header = FrameRenderer.render(onCallbacks([callback(1)]), now: now).text()[1]
        XCTAssertTrue(header.hasPrefix(" 1 callback "), header)
        XCTAssertTrue(FrameRenderer.render(onCallbacks([callback(1), callback(2)]), now: now).text()[1].hasPrefix(" 2 callbacks "))
    }

    func testEnterShowsItemNotifyInFullAndEscGoesBack() {
        var s = onCallbacks([callback(7)])
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.loadCallbackDetail(7)])
        XCTAssertEqual(s.callbackPage?.id, 7)
        XCTAssertNil(s.detail, "item.notify has no order to open")
        let detail = CallbackDetail(record: callback(7), attempts: [
            .init(at: now - 60, action: "callback.failed", dispatcher: "d", httpStatus: 200, code: "isv", subCode: "isv.x", message: "nope", nextAttemptAt: nil),
        ])
        _ = Update.apply(&s, .callbackDetailLoaded(detail), now: now)
        let text = FrameRenderer.render(s, now: now).text().joined(separator: "\n")
        XCTAssertTrue(text.contains("Callback #7  taobao.bus.item.notify"), text)
        XCTAssertTrue(text.contains("failed  http 200  code isv  isv.x"), text)
        XCTAssertTrue(text.contains("nope"))
        // o explains why there is no order; T would re-fire this very row.
        _ = Update.apply(&s, .key(.char("o")), now: now)
        XCTAssertTrue(s.message?.text.contains("about no order") ?? false)
        XCTAssertEqual(ActionUpdate.row(for: .callback, s).map { $0.subjectId }, ActionRow.callback(callback(7)).subjectId)
        // An outside commit reloads the page on screen.
        XCTAssertEqual(Update.apply(&s, .externalChange(dataVersion: 2, at: now), now: now).first, .loadCallbackDetail(7))
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertNil(s.callbackPage)
    }

    func testOrderOfACallbackOpensFromTheListOrItsPage() {
        var s = onCallbacks([callback(3, method: "taobao.bus.agent.refund.confirm", orderId: 42)])
        XCTAssertEqual(Update.apply(&s, .key(.char("o")), now: now), [.loadDetail(42, revealed: false)])
        _ = Update.apply(&s, .key(.escape), now: now)
        _ = Update.apply(&s, .key(.enter), now: now)
        _ = Update.apply(&s, .callbackDetailLoaded(CallbackDetail(record: callback(3, orderId: 42), attempts: [])), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("o")), now: now), [.loadDetail(42, revealed: false)])
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertEqual(s.callbackPage?.id, 3, "back from the order returns to the callback")
    }
}
