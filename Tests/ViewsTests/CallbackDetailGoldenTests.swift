import XCTest
@testable import Store
@testable import Views

/// The callback page (issue 12): the parameters, each attempt and the last request and response, with personal
/// data masked (the page has no reveal) and the long JSON wrapped, never cut.
final class CallbackDetailGoldenTests: XCTestCase {
    func testCallbackInFullAt80x24And120x40() {
        var record = Fixtures.callback(0, state: .failed)
        record.params = #"{"agent_order_id":"BO0000001000","passengers":[{"passenger_name":"欧阳娜娜","cert_no":"33010619900307123X"}],"contact_phone":"13812345678"}"#
        let d = CallbackDetail(record: record, attempts: [
            .init(at: Fixtures.now - 600, action: "callback.retry", dispatcher: "console-1", httpStatus: 502, code: "transport", subCode: nil,
                  message: "bad gateway", nextAttemptAt: Fixtures.now - 540),
            .init(at: Fixtures.now - 60, action: "callback.failed", dispatcher: "console-1", httpStatus: 200, code: "isv.invalid-parameter",
                  subCode: "isv.order-not-exist", message: "订单不存在 order not found", nextAttemptAt: nil),
        ])
        for (w, h) in ViewGoldenTests.sizes {
            var s = Screen(width: w, height: h)
            let rect = Chrome.render(Fixtures.chrome(tab: -1), into: &s)
            CallbackDetailView.render(d, id: record.id, scroll: 0, into: &s, rect: rect)
            Golden.check(s, "callback-detail-\(w)x\(h)")
            let all = CallbackDetailView.lines(d, width: w).joined(separator: "\n")
            for secret in ["33010619900307123X", "13812345678", "欧阳娜娜"] { XCTAssertFalse(all.contains(secret), secret) }
            XCTAssertTrue(all.contains("3301**********123X"), all)
            XCTAssertTrue(all.contains("Attempts (2)"))
            XCTAssertTrue(all.contains("{\"error_response\""), "the response is shown")
        }
    }

    /// bookticket.confirm carries the ticket password (取票密码), a pick-up credential: the page has no reveal, so
    /// it is masked in the parameters and in the last request.
    func testTheTicketPasswordIsMaskedInTheParametersAndTheRequest() {
        var record = Fixtures.callback(0, state: .sent)
        record.params = #"{"fetch_tickets_number":"T00799819","fetch_tickets_pwd":"799819","ticket_wicket":"B3"}"#
        record.lastRequest = "method=taobao.bus.agent.bookticket.confirm&param0=%7B%22fetch_tickets_pwd%22%3A%22799819%22%7D"
        let all = CallbackDetailView.lines(CallbackDetail(record: record, attempts: []), width: 120).joined(separator: "\n")
        XCTAssertTrue(all.contains("fetch_tickets_number: T00799819"), all)
        XCTAssertTrue(all.contains("fetch_tickets_pwd: ******"), all)
        XCTAssertTrue(all.contains(#"param0: {"fetch_tickets_pwd":"******"}"#), all)
        XCTAssertFalse(all.replacingOccurrences(of: "T00799819", with: "").contains("799819"), all)
    }
}
