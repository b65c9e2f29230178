import Foundation
import HTTP
@testable import Qimen
import Store
import TOP

/// A small merchant that answers docs/PROTOCOL.md's Qimen shapes from memory (one route, one
/// schedule with seats, orders that lock, issue, refund per ticket, cancel and close), so
/// `busops selftest` can run end to end without our store-backed server, which is being
/// rewritten. `mutate` breaks one answer on purpose. Every request body is recorded.
final class SelftestFakeMerchant: QimenHandling, @unchecked Sendable {
    struct Order {
        var agentOrderId: String
        var alitripOrderId: String
        var status: String
        var passengers: [JSON]
        var refundedTickets: Set<String> = []
    }

    private let lock = NSLock()
    private var left = 40
    private var orders: [String: Order] = [:]  // by alitripOrderId
    private var recorded: [(QimenInterface, JSON)] = []
    let date = SelftestAnswers.tomorrow
    /// Rewrites one interface's success payload (the broken-server tests).
    var mutate: (@Sendable (QimenInterface, JSON) -> JSON)?

    var requests: [(QimenInterface, JSON)] { lock.lock(); defer { lock.unlock() }; return recorded }

    func handle(_ interface: QimenInterface, body: JSON, now: Date) -> QimenResult {
        lock.lock()
        defer { lock.unlock() }
        recorded.append((interface, body))
        switch answer(interface, body, now: now) {
        case .success(let payload):
            let json = mutate?(interface, .object(payload)) ?? .object(payload)
            return .success(json.objectValue ?? [])
        case let failure:
            return failure
        }
    }

    private func answer(_ interface: QimenInterface, _ body: JSON, now: Date) -> QimenResult {
        switch interface {
        case .fromCity: return .success(SelftestAnswers.fromCities.objectValue!)
        case .toCity:
            return body["fromCity"]?.stringValue == "上海市" ? .success(SelftestAnswers.toCities.objectValue!)
                : .success([("toCityList", .array([]))])
        case .schedules:
            return .success(SelftestAnswers.schedules(date: date, left: left).objectValue!)
        case .seats:
            let prices = ["101>102": "2000", "101>103": "5000", "102>103": "4000"]
            let key = (body["fromStationCode"]?.stringValue ?? "101") + ">" + (body["toStationCode"]?.stringValue ?? "103")
            return .success([("leftTicketCnt", .int(Int64(left))), ("ticketPrice", .string(prices[key] ?? "5000")),
                             ("saleStatus", 1)])
        case .createOrder: return create(body)
        case .queryOrder, .issueTicket, .refundFee, .refundApply, .closeOrder, .cancelOrder:
            let alitrip = body["alitripOrderId"]?.stringValue ?? ""
            let agent = body["agentOrderId"]?.stringValue ?? ""
            guard let key = orders.first(where: { $0.key == alitrip || $0.value.agentOrderId == agent })?.key else {
                return .failure(.orderNotFound)
            }
            return orderCall(interface, key, body, now: now)
        case .stoppedSchedules:
            return .success(SelftestAnswers.stopped.objectValue!.map { key, value in
                (key, key == "lineSchedule" ? SelftestAnswers.edit(value, [0, "line", "fromDate"], .string(date)) : value)
            })
        }
    }

    private func create(_ body: JSON) -> QimenResult {
        guard let alitrip = body["alitripOrderId"]?.stringValue, let list = body["passengerList"]?.arrayValue,
              body["ticketCount"]?.intValue == list.count, body["fromTime"]?.stringValue?.count == 8 else {
            return .failure(.paramInvalid)
        }
        if let existing = orders[alitrip] {  // idempotent: nothing more locked
            return .success([("agentOrderId", .string(existing.agentOrderId)), ("alitripOrderId", .string(alitrip)), ("status", "1")])
        }
        guard left >= list.count else { return .failure(.seatsInsufficient) }
        left -= list.count
        let n = orders.count + 1
        let passengers = list.enumerated().map { k, p -> JSON in
            .object([("passengerName", p["passengerName"]!), ("passengerCertificateNo", p["passengerCertificateNo"]!),
                     ("passengerType", "0"), ("passengerCertificateType", "1"), ("passengerId", .string("\(n)00\(k)")),
                     ("ticketList", .array([["ticketId": .string("\(n)90\(k)"), "ticketSeatNo": .string("\(k + 1)"),
                                             "ticketPrice": 5000, "eTicketNo": .string("QR\(n)\(k)"), "ticketStatus": "1"]]))])
        }
        let order = Order(agentOrderId: "8800\(n)", alitripOrderId: alitrip, status: "1", passengers: passengers)
        orders[alitrip] = order
        return .success([("agentOrderId", .string(order.agentOrderId)), ("alitripOrderId", .string(alitrip)), ("status", "1")])
    }

    private func orderCall(_ interface: QimenInterface, _ key: String, _ body: JSON, now: Date) -> QimenResult {
        var order = orders[key]!
        defer { orders[key] = order }
        let ids: [(String, JSON)] = [("alitripOrderId", .string(order.alitripOrderId)), ("agentOrderId", .string(order.agentOrderId))]
        switch interface {
        case .issueTicket:
            guard ["1", "2", "3"].contains(order.status) else { return .failure(.orderStateInvalid) }
            order.status = "3"
            return .success(orderFields(order, now: now, flags: false))
        case .queryOrder:
            return .success(orderFields(order, now: now, flags: true))
        case .refundFee:
            let entries = order.passengers.flatMap { p in
                (p["ticketList"]?.arrayValue ?? []).map { t -> JSON in
                    ["passengerId": p["passengerId"]!, "passengerName": p["passengerName"]!,
                     "passengerCertificateNo": p["passengerCertificateNo"]!, "passengerCertificateType": "1",
                     "ticketId": t["ticketId"]!, "refundSurcharge": 500]
                }
            }
            return .success(ids + [("passengerList", .array(entries))])
        case .refundApply:
            guard order.status == "3" else { return .failure(.orderStateInvalid) }
            for entry in body["passengerList"]?.arrayValue ?? [] {
                if let id = entry["ticketId"]?.stringValue { order.refundedTickets.insert(id) }
            }
            return .success([])
        case .closeOrder, .cancelOrder:
            let allowed = interface == .cancelOrder ? ["1"] : ["1", "2", "3"]
            guard allowed.contains(order.status) else { return .failure(.orderStateInvalid) }
            left += order.passengers.count
            order.status = interface == .cancelOrder ? "5" : "4"
            return .success([("status", .string(order.status))])
        default:
            return .failure(.internalError)
        }
    }

    private func orderFields(_ order: Order, now: Date, flags: Bool) -> [(String, JSON)] {
        let passengers = order.passengers.map { p -> JSON in
            guard case .object(var f) = p else { return p }
            var refunded = false
            f = f.map { key, value in
                guard key == "ticketList", let tickets = value.arrayValue else { return (key, value) }
                return (key, .array(tickets.map { t in
                    let id = t["ticketId"]?.stringValue ?? ""
                    refunded = refunded || order.refundedTickets.contains(id)
                    let status = order.refundedTickets.contains(id) ? "5" : (order.status == "3" ? "2" : "1")
                    return SelftestAnswers.edit(t, ["ticketStatus"], .string(status))
                }))
            }
            return .object(flags ? f + [("isRefund", .bool(refunded))] : f)
        }
        var fields: [(String, JSON)] = [
            ("alitripOrderId", .string(order.alitripOrderId)), ("agentOrderId", .string(order.agentOrderId)),
            ("agentIssueTime", .string(TopClock.format(now))), ("status", .string(order.status)),
            ("fetchTicketSpot", "上海南站北广场"), ("ticketWicket", "12检票口"), ("smsContent", "您的车票已出票"),
            ("passengerList", .array(passengers)),
        ]
        if flags { fields.append(("isRefund", .bool(!order.refundedTickets.isEmpty))) }
        return fields
    }
}

/// The fake merchant behind a real loopback listener: the published refusal, byte for byte,
/// for a bad signature (docs/PROTOCOL.md (Qimen) "Answers"), the router for everything else.
final class SelftestFakeServer {
    static let secret = "selftestsecret"
    let merchant = SelftestFakeMerchant()
    let server: HTTPServer

    init() throws {
        let config = QimenConfig(secrets: [.production: Secret(Self.secret)])
        let router = QimenRouter(config: config, handler: merchant)
        server = HTTPServer(host: "127.0.0.1", port: 0, workers: 2, handler: { request in
            guard QimenSignature.verify(request, secret: Secret(SelftestFakeServer.secret)) else {
                return .json(200, Array(AnswerEnvelope.signRefusal.utf8))
            }
            return router.respond(to: request)
        })
        try server.start()
    }

    var url: String { "http://127.0.0.1:\(server.port)/qimen" }

    func stop() { server.stop(graceTimeout: 1) }

    /// A full self-test run against this server, bounded per request.
    func runSelftest(secret: String = SelftestFakeServer.secret) -> SelftestReport {
        let client = QimenClient(url: url, secret: Secret(secret))
        return QimenSelftest(client: client, options: .init(days: 3, timeout: 5, issueWait: 1)).run()
    }
}
