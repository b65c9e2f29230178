// The four business objects as docs/PROTOCOL.md's TOP field tables publish them, copied here by hand
// (not taken from the production code, so a builder that drifts from the tables fails a test).
// Types: String, Number, Boolean as in the tables; Date fields travel as `yyyy-MM-dd HH:mm:ss`
// text; a list is an array of objects with its own table, an object has its own table.
// OperationsTests/PublishedFields.swift holds the same copy for the actions' queued rows.

import XCTest
@testable import TOP

enum PublishedType: Sendable {
    case string, number, boolean, date
    case list([String: PublishedField])
    case object([String: PublishedField])
}

struct PublishedField: Sendable {
    var type: PublishedType
    /// M in the table, or a docs/PROTOCOL.md decision to always send it.
    var required = false
}

private func s(_ required: Bool = false) -> PublishedField { PublishedField(type: .string, required: required) }
private func n(_ required: Bool = false) -> PublishedField { PublishedField(type: .number, required: required) }

enum Published {
    /// taobao.bus.agent.bookticket.confirm, param_agent_confirm_book_r_q (TOP doc 25473).
    static let bookTicket: [String: PublishedField] = [
        "agent_order_id": s(true),
        "bus_inner_order_id": s(true),  // O in the table, required by its text; decision: always sent
        "success": PublishedField(type: .boolean, required: true),
        "ticket_count": n(),
        "total_price": n(),
        "fetch_tickets_address": s(),
        "fetch_tickets_number": s(),
        "fetch_tickets_pwd": s(),
        "ticket_wicket": s(),
        "rider_seat_numbers": s(),
        "message": s(),
        "passenger_info_list": PublishedField(type: .list([
            "agent_ticket_id": s(),
            "passenger_cert_type": s(),
            "passenger_name": s(),
            "passenger_cert_no": s(),
            "seat_no": s(),
        ])),
        "agent_confirm_book_schedule_info": PublishedField(type: .object([
            "driver_name": s(),
            "driver_phone": s(),
            "license_plate_number": s(),
            "motorcycle_type": s(),
            "vehicle_brands": s(),
        ])),
    ]

    /// taobao.bus.agent.refund.confirm, param_agent_confirm_return_and_refund_r_q (TOP doc 42022).
    static let refund: [String: PublishedField] = [
        "agent_order_id": s(true),
        "agent_refund_amount": s(),  // C: on success
        "agent_refund_trans_id": s(),
        "agent_return_ticket_status": n(true),
        "agent_return_ticket_type": n(true),
        "agent_return_time": PublishedField(type: .date),
        "agent_ticket_id": s(),
        "depart_date": PublishedField(type: .date),
        "main_biz_order_id": n(),
        "passenger_id_num": s(),  // C: per ticket
        "passenger_name": s(),
        "passenger_phone": s(),
        "agent_return_ticket_code": n(),  // C: on failure
        "agent_ext_attr": s(),
        "agent_return_mode": s(),
        "refund_scene": s(),
        "refund_scene_official_reason_code": s(),
    ]

    /// taobao.bus.agent.multiple.refund.confirm, param_agent_multiple_refund_r_q (TOP doc 49134).
    static let multipleRefund: [String: PublishedField] = [
        "agent_order_id": s(true),
        "agent_refund_reason": s(true),
        "agent_refund_trans_no": s(true),
        "main_biz_order_id": n(true),
        "refund_ticket_detail_list": PublishedField(type: .list([
            "agent_ticket_id": s(),
            "passenger_id_num": s(),  // C: no ticket id
            "refund_amount": n(),
            "service_charge_refund_amount": n(),
        ]), required: true),
        "total_refund_amount": n(true),
        "total_service_charge_refund_amount": n(),
        "refund_scene": s(),
        "refund_scene_official_reason_code": s(),
    ]

    /// taobao.bus.item.notify, param_top_item_change_notify_r_q (TOP doc 65541).
    static let itemNotify: [String: PublishedField] = [
        "from_city": s(true),
        "to_city": s(true),
        "from_date": s(true),
    ]

    static let byMethod: [String: [String: PublishedField]] = [
        "taobao.bus.agent.bookticket.confirm": bookTicket,
        "taobao.bus.agent.refund.confirm": refund,
        "taobao.bus.agent.multiple.refund.confirm": multipleRefund,
        "taobao.bus.item.notify": itemNotify,
    ]

    /// What breaks the table: keys outside it, required keys missing, wrong JSON types, a
    /// passenger_cert_type that is not two digits 01–04, a Date not `yyyy-MM-dd HH:mm:ss`.
    static func problems(_ json: JSON, _ table: [String: PublishedField], at path: String = "") -> [String] {
        guard let members = json.objectValue else { return ["\(path.isEmpty ? "object" : path) is not an object"] }
        var out: [String] = []
        let present = Set(members.map(\.0))
        for key in table.keys.sorted() where table[key]!.required && !present.contains(key) { out.append("\(path)\(key) missing") }
        for (key, value) in members {
            let name = path + key
            guard let field = table[key] else { out.append("\(name) is not published"); continue }
            switch field.type {
            case .string:
                if value.stringValue == nil { out.append("\(name) is not a String") }
            case .number:
                if case .int = value {} else { out.append("\(name) is not a Number") }
            case .boolean:
                if value.boolValue == nil { out.append("\(name) is not a Boolean") }
            case .date:
                if value.stringValue.flatMap(TopClock.parse) == nil { out.append("\(name) is not yyyy-MM-dd HH:mm:ss") }
            case let .object(inner):
                out += problems(value, inner, at: name + ".")
            case let .list(inner):
                guard let items = value.arrayValue else { out.append("\(name) is not a list"); continue }
                for (i, item) in items.enumerated() { out += problems(item, inner, at: "\(name)[\(i)].") }
            }
            if key == "passenger_cert_type", !["01", "02", "03", "04"].contains(value.stringValue ?? "") {
                out.append("\(name) is not two digits 01–04")
            }
        }
        return out
    }
}

/// Asserts `json` is the published object of `method` and returns its keys (for "every field" checks).
@discardableResult
func assertPublished(_ json: JSON, method: String, file: StaticString = #filePath, line: UInt = #line) -> Set<String> {
    guard let table = Published.byMethod[method] else {
        XCTFail("\(method) is not one of the four callbacks", file: file, line: line)
        return []
    }
    let problems = Published.problems(json, table)
    XCTAssertEqual(problems, [], "\(method): \(json.compactText)", file: file, line: line)
    return Set(json.objectValue?.map(\.0) ?? [])
}
