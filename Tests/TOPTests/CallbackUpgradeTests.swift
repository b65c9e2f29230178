// CallbackUpgrade: business objects queued by an older busops come out as PROTOCOL.md §1's
// published objects; objects already published are left byte for byte.

import XCTest
@testable import Store
@testable import TOP

final class CallbackUpgradeTests: XCTestCase {
    private let book = "taobao.bus.agent.bookticket.confirm"
    private let multi = "taobao.bus.agent.multiple.refund.confirm"

    private let facts = OutboxOrderFacts(
        mainBizOrderId: "3900000000007919",
        tickets: (1...3).map { i in
            TicketRecord(id: Int64(i), agentTicketId: "TK000000000\(i)", orderId: 7, passengerId: String(i), name: "乘客\(i)",
                         certType: 1, certNo: "11010119900101123\(i)", phone: nil, seatNo: String(i), priceFen: 4000,
                         serviceFeeFen: 500, status: .issued, isOfflineRefund: false, ticketNo: nil, ticketPwd: nil, version: 1)
        },
        refunds: [])

    /// Runs the upgrade, counting how often the order was read.
    private func run(_ method: String, _ params: String, facts: OutboxOrderFacts?, refundRowId: Int64? = nil)
        throws -> (CallbackUpgrade.Outcome, reads: Int) {
        var reads = 0
        let outcome = try CallbackUpgrade.upgrade(method: method, params: params, refundRowId: refundRowId) {
            reads += 1
            return facts
        }
        return (outcome, reads)
    }

    private func upgraded(_ outcome: CallbackUpgrade.Outcome, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard case let .upgraded(params, _) = outcome else {
            XCTFail("not upgraded: \(outcome)", file: file, line: line)
            throw CallbackValidationError(field: "-", reason: "not upgraded")
        }
        return params
    }

    func testAPublishedObjectIsLeftAsCommittedWithoutReadingTheOrder() throws {
        let current = [
            (book, #"{"agent_order_id":"BO1","bus_inner_order_id":"39","success":false}"#),
            (book, #"{"success":true,"agent_order_id":"BO1","bus_inner_order_id":"39","ticket_count":1}"#),  // any key order
            (multi, #"{"agent_order_id":"A","agent_refund_reason":"r","agent_refund_trans_no":"MR1","main_biz_order_id":1,"refund_ticket_detail_list":[{"agent_ticket_id":"T","refund_amount":5,"service_charge_refund_amount":0}],"total_refund_amount":5}"#),
            ("taobao.bus.agent.refund.confirm", #"{"agent_order_id":"332030233666","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"10.5","passenger_name":"张三"}"#),
            ("taobao.bus.item.notify", #"{"from_city":"杭州市","to_city":"上海市","from_date":"2026-11-22"}"#),
            ("taobao.bus.item.notify", "not json: left for the gateway to refuse"),
        ]
        for (method, params) in current {
            let (outcome, reads) = try run(method, params, facts: facts)
            XCTAssertEqual(outcome, .current, params)
            XCTAssertEqual(reads, 0, params)
        }
    }

    func testOldSuccessfulBookTicketGetsTheFliggyIdAndThePublishedVehicleObject() throws {
        let old = #"{"agent_order_id":"BO0000000158","success":true,"ticket_count":1,"total_price":8700,"fetch_tickets_number":"T123","fetch_tickets_pwd":"654321","fetch_tickets_address":"江苏省南京市雨花台区玉兰路","ticket_wicket":"B3","rider_seat_numbers":"7","passenger_info_list":[{"agent_ticket_id":"TK0000000252","passenger_name":"徐勇","passenger_cert_type":"01","passenger_cert_no":"330106199610063713","seat_no":"7"}],"schedule_info":{"driver_name":"王师傅","driver_phone":"13812345678","license_plate_number":"浙A12345","motorcycle_type":"大巴","vehicle_brands":"宇通"}}"#
        let (outcome, reads) = try run(book, old, facts: facts)
        XCTAssertEqual(reads, 1)
        let params = try upgraded(outcome)
        XCTAssertEqual(params, #"{"agent_order_id":"BO0000000158","bus_inner_order_id":"3900000000007919","success":true,"ticket_count":1,"total_price":8700,"fetch_tickets_address":"江苏省南京市雨花台区玉兰路","fetch_tickets_number":"T123","fetch_tickets_pwd":"654321","ticket_wicket":"B3","rider_seat_numbers":"7","passenger_info_list":[{"agent_ticket_id":"TK0000000252","passenger_cert_type":"01","passenger_name":"徐勇","passenger_cert_no":"330106199610063713","seat_no":"7"}],"agent_confirm_book_schedule_info":{"driver_name":"王师傅","driver_phone":"13812345678","license_plate_number":"浙A12345","motorcycle_type":"大巴","vehicle_brands":"宇通"}}"#)
        assertPublished(try JSON.parse(params), method: book)
        if case let .upgraded(_, why) = outcome {
            XCTAssertTrue(why.contains("schedule_info is not published"), why)
            XCTAssertTrue(why.contains("bus_inner_order_id is missing"), why)
        }
        // Upgrading the upgrade changes nothing.
        XCTAssertEqual(try run(book, params, facts: facts).0, .current)
    }

    func testOldFailedBookTicketBecomesTheThreePublishedKeys() throws {
        let old = #"{"agent_order_id":"BO0000000158","success":false,"ticket_count":1,"total_price":8700,"fail_reason":"车辆故障"}"#
        let params = try upgraded(try run(book, old, facts: facts).0)
        XCTAssertEqual(params, #"{"agent_order_id":"BO0000000158","bus_inner_order_id":"3900000000007919","success":false}"#)
        // The demo generator's old rows: a one-digit certificate type becomes two digits.
        let demo = #"{"agent_order_id":"BO1","success":true,"ticket_count":1,"total_price":100,"passenger_info_list":[{"passenger_name":"a","passenger_cert_type":1,"passenger_cert_no":"x"}]}"#
        let fixed = try JSON.parse(try upgraded(try run(book, demo, facts: facts).0))
        XCTAssertEqual(fixed["passenger_info_list"]?[0]?["passenger_cert_type"], .string("01"))
        assertPublished(fixed, method: book)
    }

    func testAnOldBookTicketWithoutAnOrderCannotBeUpgraded() throws {
        let old = #"{"agent_order_id":"BO1","success":false,"fail_reason":"x"}"#
        guard case let .impossible(reason) = try run(book, old, facts: nil).0 else { return XCTFail("should be impossible") }
        XCTAssertTrue(reason.contains("bus_inner_order_id"), reason)
        let badCert = #"{"agent_order_id":"BO1","bus_inner_order_id":"1","success":true,"passenger_info_list":[{"passenger_cert_type":"09"}]}"#
        guard case .impossible = try run(book, badCert, facts: facts).0 else { return XCTFail("09 is no published type") }
    }

    func testOldMultipleRefundGetsItsTicketDetailsFromTheOrder() throws {
        // As MoneyRefundAction queued it before the detail list was sent.
        let old = #"{"agent_order_id":"BO7","main_biz_order_id":3900000000007919,"agent_refund_trans_no":"MR0000000001","agent_refund_reason":"车辆晚点补偿","total_refund_amount":1000,"total_service_charge_refund_amount":0}"#
        let (outcome, reads) = try run(multi, old, facts: facts)
        XCTAssertEqual(reads, 1)
        let params = try upgraded(outcome)
        XCTAssertEqual(params, #"{"agent_order_id":"BO7","agent_refund_reason":"车辆晚点补偿","agent_refund_trans_no":"MR0000000001","main_biz_order_id":3900000000007919,"refund_ticket_detail_list":[{"agent_ticket_id":"TK0000000001","passenger_id_num":"110101199001011231","refund_amount":334,"service_charge_refund_amount":0},{"agent_ticket_id":"TK0000000002","passenger_id_num":"110101199001011232","refund_amount":333,"service_charge_refund_amount":0},{"agent_ticket_id":"TK0000000003","passenger_id_num":"110101199001011233","refund_amount":333,"service_charge_refund_amount":0}],"total_refund_amount":1000,"total_service_charge_refund_amount":0}"#)
        assertPublished(try JSON.parse(params), method: multi)
        XCTAssertEqual(try run(multi, params, facts: facts).0, .current)
    }

    func testTheOldDemoKeysAreReadAndTheMoneyNeverChanges() throws {
        let demo = #"{"agent_order_id":"BO7","main_biz_order_id":3900000000007919,"agent_refund_trans_no":"MR0000000002","reason":"车辆晚点补偿","total_refund_fee":13500,"service_charge_refund_fee":"0"}"#
        let json = try JSON.parse(try upgraded(try run(multi, demo, facts: facts).0))
        assertPublished(json, method: multi)
        XCTAssertEqual(json["agent_refund_reason"], .string("车辆晚点补偿"))
        XCTAssertEqual(json["total_refund_amount"], .int(13500))
        XCTAssertEqual(json["refund_ticket_detail_list"]?.arrayValue?.compactMap { $0["refund_amount"]?.intValue }, [4500, 4500, 4500])
        // More than the tickets paid: not sent in any shape.
        let tooMuch = demo.replacingOccurrences(of: "13500", with: "13501")
        guard case .impossible = try run(multi, tooMuch, facts: facts).0 else { return XCTFail("13501 > 13500 paid") }
        // No order to split over.
        guard case .impossible = try run(multi, demo, facts: nil).0 else { return XCTFail("no tickets") }
    }

    func testEarlierRefundsOfTheOrderSteerTheSplitButNotTheRowsOwnRefund() throws {
        var f = facts
        f.refunds = [
            RefundRecord(id: 11, refundId: "RF11", terms: RefundTerms(orderId: 7, ticketId: 1, source: .online, scene: .common, reasonCode: nil, reason: nil,
                         paidFen: 4500, feeFen: 0, amountFen: 4500), status: .done, idempotencyKey: "RT11", resultCode: nil,
                         requestedAt: 0, decidedAt: nil, decidedBy: nil, version: 1),
            RefundRecord(id: 12, refundId: "RF12", terms: RefundTerms(orderId: 7, ticketId: nil, source: .moneyOnly, scene: .common, reasonCode: nil,
                         reason: nil, paidFen: 13500, feeFen: 0, amountFen: 1000), status: .approved, idempotencyKey: "MR12",
                         resultCode: nil, requestedAt: 0, decidedAt: nil, decidedBy: nil, version: 1),
        ]
        let old = #"{"agent_order_id":"BO7","main_biz_order_id":3900000000007919,"agent_refund_trans_no":"MR12","agent_refund_reason":"r","total_refund_amount":1000,"total_service_charge_refund_amount":0}"#
        let json = try JSON.parse(try upgraded(try run(multi, old, facts: f, refundRowId: 12).0))
        XCTAssertEqual(json["refund_ticket_detail_list"]?.arrayValue?.compactMap { $0["agent_ticket_id"]?.stringValue },
                       ["TK0000000002", "TK0000000003"], "ticket 1 was refunded in full already")
    }

    func testAnOldDetailListIsKeptInThePublishedMeaning() throws {
        // refund_amount including the service charge, an older reading busops accepted: converted, total unchanged.
        let old = #"{"agent_order_id":"A","main_biz_order_id":1,"agent_refund_trans_no":"MR3","agent_refund_reason":"r","total_refund_amount":1300,"total_service_charge_refund_amount":300,"refund_ticket_detail_list":[{"agent_ticket_id":"T1","refund_amount":1300,"service_charge_refund_amount":300}],"fee":1}"#
        let (outcome, reads) = try run(multi, old, facts: facts)
        XCTAssertEqual(reads, 0, "nothing to read: the list and the Fliggy id are there")
        let json = try JSON.parse(try upgraded(outcome))
        assertPublished(json, method: multi)
        XCTAssertEqual(json["refund_ticket_detail_list"]?[0]?["refund_amount"], .int(1000))
        XCTAssertEqual(json["total_refund_amount"], .int(1300))
    }

    func testTheOtherTwoLoseUnpublishedKeysOnly() throws {
        let old = #"{"agent_order_id":"A","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"10.5","note":"x"}"#
        XCTAssertEqual(try upgraded(try run("taobao.bus.agent.refund.confirm", old, facts: nil).0),
                       #"{"agent_order_id":"A","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"10.5"}"#)
        let notify = #"{"from_city":"杭州市","to_city":"上海市","from_date":"2026-11-22","line":"L1"}"#
        XCTAssertEqual(try upgraded(try run("taobao.bus.item.notify", notify, facts: nil).0),
                       #"{"from_city":"杭州市","to_city":"上海市","from_date":"2026-11-22"}"#)
    }
}
