// The published business objects of the four callbacks (PROTOCOL.md §1 field tables), as key sets:
// what the dispatcher checks a stored object against before signing it, so an object queued by an
// older busops in a shape Fliggy does not publish is upgraded rather than sent (CallbackUpgrade).
// The builders in this folder write exactly these keys; the tests hold their own copy of the tables.

public enum PublishedShape {
    struct Shape {
        /// Every key the outer object may carry.
        var keys: Set<String>
        /// Keys that must be present (M in the table, or a PROTOCOL.md decision to always send them).
        var required: Set<String>
        /// Keys whose value is an object or an array of objects, with the keys those objects may carry.
        var nested: [String: Set<String>] = [:]
        /// Keys (outer or nested) the table types Number; `success` is the one Boolean; every other
        /// key that is not `nested` is a String (Dates travel as `yyyy-MM-dd HH:mm:ss` text).
        var numbers: Set<String> = []
    }

    static let shapes: [String: Shape] = [
        // TOP doc 25473. bus_inner_order_id: "always sent" is a PROTOCOL.md decision.
        BookTicketConfirm.method: Shape(
            keys: ["agent_order_id", "bus_inner_order_id", "success", "ticket_count", "total_price", "fetch_tickets_address",
                   "fetch_tickets_number", "fetch_tickets_pwd", "ticket_wicket", "rider_seat_numbers", "message",
                   "passenger_info_list", "agent_confirm_book_schedule_info"],
            required: ["agent_order_id", "bus_inner_order_id", "success"],
            nested: ["passenger_info_list": ["agent_ticket_id", "passenger_cert_type", "passenger_name", "passenger_cert_no", "seat_no"],
                     "agent_confirm_book_schedule_info": ["driver_name", "driver_phone", "license_plate_number", "motorcycle_type",
                                                          "vehicle_brands"]],
            numbers: ["ticket_count", "total_price"]),
        // TOP doc 42022.
        RefundConfirm.method: Shape(
            keys: ["agent_order_id", "agent_refund_amount", "agent_refund_trans_id", "agent_return_ticket_status",
                   "agent_return_ticket_type", "agent_return_time", "agent_ticket_id", "depart_date", "main_biz_order_id",
                   "passenger_id_num", "passenger_name", "passenger_phone", "agent_return_ticket_code", "agent_ext_attr",
                   "agent_return_mode", "refund_scene", "refund_scene_official_reason_code"],
            required: ["agent_order_id", "agent_return_ticket_status", "agent_return_ticket_type"],
            numbers: ["agent_return_ticket_status", "agent_return_ticket_type", "main_biz_order_id", "agent_return_ticket_code"]),
        // TOP doc 49134.
        MultipleRefundConfirm.method: Shape(
            keys: ["agent_order_id", "agent_refund_reason", "agent_refund_trans_no", "main_biz_order_id", "refund_ticket_detail_list",
                   "total_refund_amount", "total_service_charge_refund_amount", "refund_scene", "refund_scene_official_reason_code"],
            required: ["agent_order_id", "agent_refund_reason", "agent_refund_trans_no", "main_biz_order_id",
                       "refund_ticket_detail_list", "total_refund_amount"],
            nested: ["refund_ticket_detail_list": ["agent_ticket_id", "passenger_id_num", "refund_amount",
                                                   "service_charge_refund_amount"]],
            numbers: ["main_biz_order_id", "total_refund_amount", "total_service_charge_refund_amount", "refund_amount",
                      "service_charge_refund_amount"]),
        // TOP doc 65541.
        ItemNotify.method: Shape(keys: ["from_city", "to_city", "from_date"], required: ["from_city", "to_city", "from_date"]),
    ]

    /// The keys of `method`'s published object, nil for a method that is not one of the four.
    public static func keys(of method: String) -> Set<String>? { shapes[method]?.keys }

    /// Why `business` is not the published object of `method`; empty when it is. Checks keys (outer and
    /// nested), their JSON types, required keys, and the rules PROTOCOL.md §1 adds: a failed bookticket carries only its
    /// three keys, passenger_cert_type is two digits 01–04, the multiple-refund detail list is not empty.
    public static func problems(method: String, business: JSON) -> [String] {
        guard let shape = shapes[method] else { return [] }
        guard let members = business.objectValue else { return ["not a JSON object"] }
        var out: [String] = []
        let present = Set(members.map(\.0))
        for (key, value) in members {
            if !shape.keys.contains(key) {
                out.append("\(key) is not published")
            } else if shape.nested[key] == nil, let t = typeProblem(key, value, shape) {
                out.append(t)
            }
        }
        for key in shape.required.sorted() where !present.contains(key) { out.append("\(key) is missing") }
        for (key, allowed) in shape.nested.sorted(by: { $0.key < $1.key }) {
            guard let value = business[key] else { continue }
            for (i, item) in (value.arrayValue ?? [value]).enumerated() {
                guard let fields = item.objectValue else { out.append("\(key)[\(i)] is not an object"); continue }
                for (k, v) in fields {
                    if !allowed.contains(k) {
                        out.append("\(key)[\(i)].\(k) is not published")
                    } else if let t = typeProblem(k, v, shape) {
                        out.append("\(key)[\(i)].\(t)")
                    }
                }
                if let type = item["passenger_cert_type"], type.stringValue.flatMap(BookTicketConfirm.CertType.init(rawValue:)) == nil {
                    out.append("\(key)[\(i)].passenger_cert_type is not two digits 01–04")
                }
            }
        }
        switch method {
        case BookTicketConfirm.method:
            if business["success"]?.boolValue == false, !present.isSubset(of: ["agent_order_id", "bus_inner_order_id", "success"]) {
                out.append("a failure carries only agent_order_id, bus_inner_order_id and success")
            }
        case MultipleRefundConfirm.method:
            if let list = business["refund_ticket_detail_list"], list.arrayValue?.isEmpty ?? true {
                out.append("refund_ticket_detail_list is empty")
            }
        default: break
        }
        return out
    }

    /// The published JSON type of `key`: Number, Boolean (success) or String.
    static func typeProblem(_ key: String, _ value: JSON, _ shape: Shape) -> String? {
        if shape.numbers.contains(key) {
            if case .int = value { return nil }
            return "\(key) is not a Number"
        }
        if key == "success" { return value.boolValue == nil ? "success is not a Boolean" : nil }
        return value.stringValue == nil ? "\(key) is not a String" : nil
    }
}
