// taobao.bus.agent.bookticket.confirm: the outcome of an asynchronous ticket issue
// (PROTOCOL.md §1, TOP doc 25473). Only the published keys are sent: `schedule_info` and
// `fail_reason`, which busops once sent, are not published, so the vehicle and driver go in
// `agent_confirm_book_schedule_info` and a failure reason stays in busops's audit trail.
//
// Wire fields (param_agent_confirm_book_r_q), in the order of PROTOCOL.md's table:
//   agent_order_id                    merchant order id (required)
//   bus_inner_order_id                Fliggy order id (main_biz_order_id); PROTOCOL.md decision: always sent
//   success                           true issued, false failed (always sent)
//   ticket_count                      number of tickets
//   total_price                       FEN (PROTOCOL.md "Amount units": decision)
//   fetch_tickets_address             pick-up place
//   fetch_tickets_number              pick-up number
//   fetch_tickets_pwd                 pick-up password
//   ticket_wicket                     boarding gate
//   rider_seat_numbers                seat numbers joined with ","
//   message                           custom SMS content as JSON text (e.g. {"driverContactPhone":...})
//   passenger_info_list               [{agent_ticket_id, passenger_cert_type (two digits: 01 ID card,
//                                     02 passport, 03 HK/Macau pass, 04 Taiwan pass), passenger_name,
//                                     passenger_cert_no, seat_no}]
//   agent_confirm_book_schedule_info  {driver_name, driver_phone, license_plate_number, motorcycle_type, vehicle_brands}
//
// A failure sends agent_order_id, bus_inner_order_id and success:false only (PROTOCOL.md §1 decision):
// nothing published can carry the reason, and half an issued-ticket object would only mislead.

public struct BookTicketConfirm: TopCallback, Equatable {
    /// Certificate types as this API numbers them, always two digits (Qimen uses 1 for the ID card instead).
    public enum CertType: String, Sendable {
        case idCard = "01", passport = "02", hongKongMacauPass = "03", taiwanPass = "04"
    }

    public struct Passenger: Equatable, Sendable {
        public var ticketId: String?
        public var name: String
        public var certType: CertType
        public var certNo: String
        public var seatNo: String?

        public init(ticketId: String?, name: String, certType: CertType, certNo: String, seatNo: String? = nil) {
            self.ticketId = ticketId
            self.name = name
            self.certType = certType
            self.certNo = certNo
            self.seatNo = seatNo
        }

        func json() -> JSON {
            var o = JSONObjectBuilder()
            o.add("agent_ticket_id", ticketId)
            o.add("passenger_cert_type", certType.rawValue)
            o.add("passenger_name", name)
            o.add("passenger_cert_no", certNo)
            o.add("seat_no", seatNo)
            return o.json
        }
    }

    /// Vehicle and driver: the published AgentConfirmBookScheduleInfo object.
    public struct Schedule: Equatable, Sendable {
        public var driverName: String?
        public var driverPhone: String?
        public var plateNumber: String?
        public var vehicleModel: String?
        public var vehicleBrand: String?

        public init(driverName: String? = nil, driverPhone: String? = nil, plateNumber: String? = nil,
                    vehicleModel: String? = nil, vehicleBrand: String? = nil) {
            self.driverName = driverName
            self.driverPhone = driverPhone
            self.plateNumber = plateNumber
            self.vehicleModel = vehicleModel
            self.vehicleBrand = vehicleBrand
        }

        var isEmpty: Bool {
            [driverName, driverPhone, plateNumber, vehicleModel, vehicleBrand].allSatisfy { $0?.isBlank ?? true }
        }

        func json() -> JSON {
            var o = JSONObjectBuilder()
            o.add("driver_name", driverName)
            o.add("driver_phone", driverPhone)
            o.add("license_plate_number", plateNumber)
            o.add("motorcycle_type", vehicleModel)
            o.add("vehicle_brands", vehicleBrand)
            return o.json
        }
    }

    public var agentOrderId: String
    /// Fliggy's order id (the order's main_biz_order_id / Qimen alitripOrderId), sent as a String.
    public var busInnerOrderId: String
    public var success: Bool
    public var ticketCount: Int
    public var totalPriceFen: Int?
    public var fetchNumber: String?
    public var fetchPassword: String?
    public var fetchAddress: String?
    public var gate: String?
    public var seatNumbers: [String]
    public var passengers: [Passenger]
    public var schedule: Schedule?
    /// Custom SMS content, already JSON text, passed through unchanged.
    public var smsJSON: String?

    public init(agentOrderId: String, busInnerOrderId: String, success: Bool, ticketCount: Int, totalPriceFen: Int? = nil,
                fetchNumber: String? = nil, fetchPassword: String? = nil, fetchAddress: String? = nil,
                gate: String? = nil, seatNumbers: [String] = [], passengers: [Passenger] = [],
                schedule: Schedule? = nil, smsJSON: String? = nil) {
        self.agentOrderId = agentOrderId
        self.busInnerOrderId = busInnerOrderId
        self.success = success
        self.ticketCount = ticketCount
        self.totalPriceFen = totalPriceFen
        self.fetchNumber = fetchNumber
        self.fetchPassword = fetchPassword
        self.fetchAddress = fetchAddress
        self.gate = gate
        self.seatNumbers = seatNumbers
        self.passengers = passengers
        self.schedule = schedule
        self.smsJSON = smsJSON
    }

    public static let method = "taobao.bus.agent.bookticket.confirm"
    public static let paramName = "param_agent_confirm_book_r_q"

    public func businessJSON() -> JSON {
        var o = JSONObjectBuilder()
        o.add("agent_order_id", agentOrderId)
        o.add("bus_inner_order_id", busInnerOrderId)
        o.add("success", success)
        // PROTOCOL.md §1 decision: a failure is these three keys and nothing else.
        guard success else { return o.json }
        o.add("ticket_count", ticketCount)
        o.add("total_price", totalPriceFen)
        o.add("fetch_tickets_address", fetchAddress)
        o.add("fetch_tickets_number", fetchNumber)
        o.add("fetch_tickets_pwd", fetchPassword)
        o.add("ticket_wicket", gate)
        o.add("rider_seat_numbers", seatNumbers.isEmpty ? nil : seatNumbers.joined(separator: ","))
        o.add("message", smsJSON)
        o.add("passenger_info_list", passengers.isEmpty ? nil : JSON.array(passengers.map { $0.json() }))
        o.add("agent_confirm_book_schedule_info", schedule.flatMap { $0.isEmpty ? nil : $0.json() })
        return o.json
    }

    public func validate() throws {
        try require(agentOrderId, "agent_order_id")
        // Optional on TOP doc 25473's table but required by its text; PROTOCOL.md decides: always sent.
        try require(busInnerOrderId, "bus_inner_order_id", "required (the Fliggy order id)")
        guard success else { return }
        if ticketCount < 0 { throw fail("ticket_count", "must not be negative") }
        if let fen = totalPriceFen, fen < 0 { throw fail("total_price", "must not be negative") }
        if !passengers.isEmpty, passengers.count != ticketCount {
            throw fail("ticket_count", "is \(ticketCount) but \(passengers.count) passengers are listed")
        }
        // PROTOCOL.md §1: message must be valid JSON text (the published sample is not).
        if let sms = smsJSON, (try? JSON.parse(sms)) == nil {
            throw fail("message", "must be JSON text")
        }
    }
}
