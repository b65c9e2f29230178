// Each callback's business object against docs/PROTOCOL.md's TOP published table (PublishedFields.swift):
// with every optional field filled and with the least the builder sends, only published keys, every
// required one, the published types, passenger_cert_type as two digits. The production key sets
// (PublishedShape, which the dispatcher's upgrade uses) are checked against the same tables.

import XCTest
@testable import TOP

final class PublishedShapeTests: XCTestCase {
    private func keys(_ table: [String: PublishedField]) -> Set<String> { Set(table.keys) }

    func testBookTicketConfirmSendsOnlyThePublishedObject() throws {
        let full = BookTicketConfirm(
            agentOrderId: "BO1", busInnerOrderId: "3900000000007919", success: true, ticketCount: 4, totalPriceFen: 18000,
            fetchNumber: "F1", fetchPassword: "P1", fetchAddress: "杭州汽车南站", gate: "5", seatNumbers: ["1", "2", "3", "4"],
            passengers: [.init(ticketId: "T1", name: "张三", certType: .idCard, certNo: "110101199001011234", seatNo: "1"),
                         .init(ticketId: "T2", name: "Li Si", certType: .passport, certNo: "E12345678", seatNo: "2"),
                         .init(ticketId: "T3", name: "陈五", certType: .hongKongMacauPass, certNo: "H12345678", seatNo: "3"),
                         .init(ticketId: "T4", name: "林六", certType: .taiwanPass, certNo: "12345678", seatNo: "4")],
            schedule: .init(driverName: "王师傅", driverPhone: "13800000000", plateNumber: "京A.89930", vehicleModel: "大巴",
                            vehicleBrand: "宇通"),
            smsJSON: #"{"driverContactPhone":"13800000000","identificationCode":"8812","ticketInstructions":"提前20分钟"}"#)
        try full.validate()
        let json = full.businessJSON()
        XCTAssertEqual(assertPublished(json, method: full.method), keys(Published.bookTicket), "every published key can be sent")
        XCTAssertEqual(json["passenger_info_list"]?.arrayValue?.compactMap { $0["passenger_cert_type"]?.stringValue },
                       ["01", "02", "03", "04"])
        XCTAssertEqual(try JSON.parse(XCTUnwrap(json["message"]?.stringValue)), try JSON.parse(full.smsJSON!),
                       "message is the SMS object as JSON text")
        XCTAssertEqual(json["total_price"], .int(18000), "fen (docs/PROTOCOL.md decision)")

        let least = BookTicketConfirm(agentOrderId: "BO1", busInnerOrderId: "39", success: true, ticketCount: 0)
        try least.validate()
        XCTAssertEqual(assertPublished(least.businessJSON(), method: least.method),
                       ["agent_order_id", "bus_inner_order_id", "success", "ticket_count"])

        var failed = full
        failed.success = false
        try failed.validate()
        XCTAssertEqual(assertPublished(failed.businessJSON(), method: failed.method), ["agent_order_id", "bus_inner_order_id", "success"])
        XCTAssertEqual(failed.businessJSON()["success"], .bool(false), "false is a real value: sent")
    }

    func testRefundConfirmSendsOnlyThePublishedObject() throws {
        let full = RefundConfirm(agentOrderId: "332030233666", status: .success, returnType: .perTicket, refundAmountFen: 1050,
                                 refundTransId: "RT1", agentTicketId: "T1", passengerIdNum: "110101199001011234", passengerName: "张三",
                                 passengerPhone: "13800000000", returnTime: "2026-11-21 10:00:00", departDate: "2026-11-22 08:05:00",
                                 mainBizOrderId: 3_900_000_000_007_919, returnTicketCode: 1905, extAttr: #"{"id":1}"#,
                                 returnMode: .online, refundScene: .force, officialReasonCode: "0")
        try full.validate()
        let json = full.businessJSON()
        XCTAssertEqual(assertPublished(json, method: full.method), keys(Published.refund), "every published key can be sent")
        XCTAssertEqual(json["agent_refund_amount"], .string("10.5"), "yuan as a String")
        XCTAssertEqual(json["agent_return_ticket_type"], .int(0), "0 is a real value: sent")

        let perOrder = RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder, refundAmountFen: 0)
        try perOrder.validate()
        XCTAssertEqual(assertPublished(perOrder.businessJSON(), method: perOrder.method),
                       ["agent_order_id", "agent_return_ticket_status", "agent_return_ticket_type", "agent_refund_amount"])
        let refused = RefundConfirm(agentOrderId: "A1", status: .failure, returnType: .perOrder, returnTicketCode: 1905)
        try refused.validate()
        XCTAssertEqual(assertPublished(refused.businessJSON(), method: refused.method),
                       ["agent_order_id", "agent_return_ticket_status", "agent_return_ticket_type", "agent_return_ticket_code"])
    }

    func testMultipleRefundConfirmSendsOnlyThePublishedObject() throws {
        let full = MultipleRefundConfirm(agentOrderId: "A9", mainBizOrderId: 998_877, refundTransNo: "MR1", reason: "停运退款",
                                         tickets: [.init(agentTicketId: "T1", passengerIdNum: "110101199001011234", refundFen: 1000,
                                                         serviceChargeRefundFen: 300),
                                                   .init(agentTicketId: nil, passengerIdNum: "E12345678", refundFen: 500)],
                                         refundScene: .force, officialReasonCode: "1")
        try full.validate()
        let json = full.businessJSON()
        XCTAssertEqual(assertPublished(json, method: full.method), keys(Published.multipleRefund), "every published key can be sent")
        XCTAssertEqual(json["total_refund_amount"], .int(1800), "Σ(refund_amount + service_charge_refund_amount), fen")
        XCTAssertEqual(json["total_service_charge_refund_amount"], .int(300))

        let least = MultipleRefundConfirm(agentOrderId: "A9", mainBizOrderId: 1, refundTransNo: "MR2", reason: "r",
                                          tickets: [.init(agentTicketId: "T1", refundFen: 1)])
        try least.validate()
        XCTAssertEqual(assertPublished(least.businessJSON(), method: least.method),
                       ["agent_order_id", "agent_refund_reason", "agent_refund_trans_no", "main_biz_order_id",
                        "refund_ticket_detail_list", "total_refund_amount", "total_service_charge_refund_amount"])
    }

    func testItemNotifySendsOnlyThePublishedObject() throws {
        let n = ItemNotify(fromCity: "杭州市", toCity: "上海市", fromDate: "2026-11-22")
        try n.validate()
        XCTAssertEqual(assertPublished(n.businessJSON(), method: n.method), keys(Published.itemNotify))
    }

    /// The dispatcher decides "old shape or not" with PublishedShape: it must name the same keys as the tables.
    func testTheDispatchersKeySetsAreThePublishedTables() {
        for (method, table) in Published.byMethod {
            XCTAssertEqual(PublishedShape.keys(of: method), Set(table.keys), method)
            XCTAssertEqual(Set(PublishedShape.shapes[method]!.required), Set(table.filter { $0.value.required }.keys), method)
            for (key, field) in table {
                switch field.type {
                case let .list(inner), let .object(inner):
                    XCTAssertEqual(PublishedShape.shapes[method]!.nested[key], Set(inner.keys), "\(method) \(key)")
                default: break
                }
            }
        }
        XCTAssertEqual(Set(TopMethods.paramNames.keys), Set(Published.byMethod.keys))
        for (method, table) in Published.byMethod {
            var numbers = Set<String>()
            for (key, field) in table {
                switch field.type {
                case .number: numbers.insert(key)
                case let .list(inner), let .object(inner): numbers.formUnion(inner.filter { if case .number = $0.value.type { true } else { false } }.keys)
                default: break
                }
            }
            XCTAssertEqual(PublishedShape.shapes[method]!.numbers, numbers, method)
        }
    }

    func testTheCheckerCatchesTheOldShapes() {
        let oldBook = try! JSON.parse(#"{"agent_order_id":"BO1","success":false,"ticket_count":1,"fail_reason":"车辆故障"}"#)
        XCTAssertEqual(Published.problems(oldBook, Published.bookTicket),
                       ["bus_inner_order_id missing", "fail_reason is not published"])
        XCTAssertFalse(PublishedShape.problems(method: "taobao.bus.agent.bookticket.confirm", business: oldBook).isEmpty)
        let oldMulti = try! JSON.parse(#"{"agent_order_id":"A","main_biz_order_id":"1","agent_refund_trans_no":"M","agent_refund_reason":"r","total_refund_amount":5}"#)
        XCTAssertEqual(Published.problems(oldMulti, Published.multipleRefund),
                       ["refund_ticket_detail_list missing", "main_biz_order_id is not a Number"])
        XCTAssertEqual(PublishedShape.problems(method: "taobao.bus.agent.multiple.refund.confirm", business: oldMulti),
                       ["main_biz_order_id is not a Number", "refund_ticket_detail_list is missing"])
        let badCert = try! JSON.parse(#"{"agent_order_id":"A","bus_inner_order_id":"1","success":true,"passenger_info_list":[{"passenger_cert_type":"1"}]}"#)
        XCTAssertEqual(Published.problems(badCert, Published.bookTicket), ["passenger_info_list[0].passenger_cert_type is not two digits 01–04"])
        XCTAssertFalse(PublishedShape.problems(method: "taobao.bus.agent.bookticket.confirm", business: badCert).isEmpty)
    }
}
