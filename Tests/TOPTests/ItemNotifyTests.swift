import XCTest
@testable import TOP

final class ItemNotifyTests: XCTestCase {
    func testEncodingAndValidation() {
        let n = ItemNotify(fromCity: "杭州", toCity: "上海", fromDate: "2026-11-22")
        XCTAssertEqual(n.businessJSON().compactText, #"{"from_city":"杭州","to_city":"上海","from_date":"2026-11-22"}"#)
        XCTAssertEqual(n.method, "taobao.bus.item.notify")
        XCTAssertEqual(n.paramName, "param_top_item_change_notify_r_q")
        XCTAssertNoThrow(try n.validate())
        XCTAssertThrowsError(try ItemNotify(fromCity: "杭州", toCity: "上海", fromDate: "2026/11/22").validate())
        XCTAssertThrowsError(try ItemNotify(fromCity: "", toCity: "上海", fromDate: "2026-11-22").validate())
    }
}
