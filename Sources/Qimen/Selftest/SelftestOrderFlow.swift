import Foundation
import TOP

/// The main order: seats (63235), lock two passengers (63228) and repeat the lock, query
/// (63227), issue (63226), refund fee (63224), refund one passenger or the whole order (63225).
extension QimenSelftest {
    func orderFlow(_ c: ScheduleChoice) {
        guard let before = seats(c, step: "before locking") else { return }
        let people = newPeople(2)
        let alitrip = alitripOrderId(1)
        let body = PublishedRequests.createOrder(c, alitripOrderId: alitrip, alipayTradeNo: alipayTradeNo(1),
                                                 people: people, departure: before.moved)
        guard let created = ask(.createOrder, body), let agent = created["agentOrderId"]?.stringValue else { return }
        expect(created["alitripOrderId"]?.stringValue == alitrip, "63228", "alitripOrderId", ok: "echoes the request",
               fail: "expected \"\(alitrip)\", got \(created["alitripOrderId"].map(JSONDescription.describe) ?? "nothing")")
        let locked = seats(c, step: "after locking")
        if let locked {
            expect(locked.left == before.left - people.count, "63228", "seat lock", ok: "leftTicketCnt fell by the ticketCount",
                   fail: "leftTicketCnt \(before.left) before, \(locked.left) after locking \(people.count)")
        }
        if let again = ask(.createOrder, body, step: "repeated alitripOrderId") {
            expect(again["agentOrderId"]?.stringValue == agent, "63228", "repeat: same agentOrderId",
                   ok: "idempotent on alitripOrderId",
                   fail: "first \"\(agent)\", then \(again["agentOrderId"].map(JSONDescription.describe) ?? "nothing")")
            if let locked, let after = seats(c, step: "after the repeat") {
                expect(after.left == locked.left, "63228", "repeat locks nothing more", ok: "leftTicketCnt unchanged",
                       fail: "leftTicketCnt \(locked.left) before the repeat, \(after.left) after")
            }
        }
        let ref = PublishedRequests.order(agentOrderId: agent, alitripOrderId: alitrip)
        if let query = ask(.queryOrder, ref, step: "before issue") {
            expectStatus(query, "63227", ["1"], when: "before issue")
            checkPassengers(query, "63227", sent: people)
        }
        guard let issued = issue(ref, people: people) else { return }
        refunds(c, ref: ref, issued: issued, people: people)
    }

    /// 63235's answer as the flow uses it: seats left, and the departure if it moved.
    struct Seats { var left: Int; var moved: (date: String, time: String)? }

    func seats(_ c: ScheduleChoice, step: String) -> Seats? {
        guard let answer = ask(.seats, PublishedRequests.seats(c), step: step),
              let left = answer["leftTicketCnt"]?.intValue else { return nil }
        if let price = answer["ticketPrice"]?.stringValue, let fen = Int(price) {
            // Fliggy blocks a changed price (guide): the seat answer must agree with 63236.
            expect(fen == c.fareFen, "63235", "ticketPrice", ok: "agrees with 63236's price for the stations",
                   fail: "\(price) fen, but 63236 priced \(c.board.code)→\(c.alight.code) at \(c.fareFen)")
        }
        var moved: (String, String)?
        if let start = answer["startTime"]?.stringValue, TopClock.parse(start) != nil {
            let parts = start.split(separator: " ")
            moved = (String(parts[0]), String(parts[1]))
        }
        return Seats(left: left, moved: moved)
    }

    /// 63226, polled through 63227 while "2" (issuing); the answer once issued, else nil.
    func issue(_ ref: JSON, people: [SimulatedPeople.Person]) -> JSON? {
        guard let confirmed = ask(.issueTicket, ref) else { return nil }
        checkEchoedIds(confirmed, "63226", ref)
        checkPassengers(confirmed, "63226", sent: people)
        checkIssuedTickets(confirmed, "63226")
        if let again = ask(.issueTicket, ref, step: "repeated confirm") {
            expect(ticketIds(again) == ticketIds(confirmed), "63226", "repeat: same tickets", ok: "idempotent",
                   fail: "ticketIds \(ticketIds(confirmed)) then \(ticketIds(again))")
        }
        var current = confirmed
        let deadline = clock().addingTimeInterval(options.issueWait)
        while current["status"]?.stringValue == "2" && clock() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            guard let polled = ask(.queryOrder, ref, step: "waiting for issue") else { return nil }
            current = polled
        }
        guard current["status"]?.stringValue == "3" else {
            report.add(.init(.skip, "63225", "refund steps", "order not issued (status \(current["status"].map(JSONDescription.describe) ?? "missing")) after \(Int(options.issueWait)) s"))
            return nil
        }
        if let query = ask(.queryOrder, ref, step: "after issue") {
            expectStatus(query, "63227", ["3"], when: "after issue")
            expect(query["isRefund"]?.boolValue == false, "63227", "isRefund", ok: "false before any refund",
                   fail: "expected false before any refund, got \(query["isRefund"].map(JSONDescription.describe) ?? "nothing")")
            checkIssuedTickets(query, "63227")
        }
        return current["passengerList"] != nil ? current : confirmed
    }

    /// 63224 then 63225: one passenger of the two on a per-ticket schedule (the other must stay
    /// untouched, issue 10's four-for-one bug), the whole order on a per-order one; then the
    /// same refund again (idempotent on alitripOrderId + certificate numbers).
    func refunds(_ c: ScheduleChoice, ref: JSON, issued: JSON, people: [SimulatedPeople.Person]) {
        var fees: [String: Int] = [:]
        if let fee = ask(.refundFee, ref) {
            checkEchoedIds(fee, "63224", ref)
            let listed = Set((fee["passengerList"]?.arrayValue ?? []).compactMap { $0["ticketId"]?.stringValue })
            let all = Set(ticketIds(issued))
            expect(all.isSubset(of: listed), "63224", "passengerList", ok: "one entry per ticket issued",
                   fail: "tickets \(all.subtracting(listed).sorted()) missing")
            for entry in fee["passengerList"]?.arrayValue ?? [] {
                if let id = entry["ticketId"]?.stringValue, let fen = entry["refundSurcharge"]?.intValue { fees[id] = fen }
            }
            expect(fees.values.allSatisfy { $0 <= c.fareFen + c.serviceFen }, "63224", "refundSurcharge",
                   ok: "no fee above the fare", fail: "fees \(fees.values.sorted()) above the fare \(c.fareFen)")
        }
        let partial = !c.isOrderRefund
        let refunded = partial ? [0] : Array(0..<people.count)
        let entries = PublishedRequests.refundEntries(from: issued, passengerIndexes: refunded, fees: fees)
        let body = PublishedRequests.refundApply(agentOrderId: ref["agentOrderId"]?.stringValue ?? "",
                                                 alitripOrderId: ref["alitripOrderId"]?.stringValue ?? "", entries: entries)
        guard c.refundable(now: now) else { return expectRefusal(.refundApply, body, "refund-not-allowed", why: "no refund tier allows it now") }
        guard ask(.refundApply, body, step: partial ? "one passenger of two" : "whole order") != nil else { return }
        checkRefunded(ref, refunded: refunded, count: people.count, step: "after refund")
        if ask(.refundApply, body, step: "repeated refund") != nil {
            checkRefunded(ref, refunded: refunded, count: people.count, step: "after the repeat")
        }
    }

    /// The listed passengers refunded or refunding, every other one untouched.
    func checkRefunded(_ ref: JSON, refunded: [Int], count: Int, step: String) {
        guard let query = ask(.queryOrder, ref, step: step) else { return }
        let passengers = query["passengerList"]?.arrayValue ?? []
        for k in 0..<min(count, passengers.count) {
            let p = passengers[k]
            let statuses = (p["ticketList"]?.arrayValue ?? []).compactMap { $0["ticketStatus"]?.stringValue }
            let inRefund = p["isRefund"]?.boolValue == true || statuses.contains { $0 == "4" || $0 == "5" }
            if refunded.contains(k) {
                expect(inRefund, "63225", "passengerList[\(k)] refunded", ok: "isRefund or ticketStatus 4/5 \(step)",
                       fail: "neither isRefund nor ticketStatus 4/5 \(step) (ticketStatus \(statuses))")
            } else {
                expect(!inRefund, "63225", "passengerList[\(k)] untouched", ok: "not listed, not refunded \(step)",
                       fail: "refunded though not listed \(step) (isRefund \(p["isRefund"].map(JSONDescription.describe) ?? "-"), ticketStatus \(statuses))")
            }
        }
        // docs/PROTOCOL.md (Qimen) 63227: the order's flag says some ticket is refunded, so it follows the passengers'.
        let anyPassenger = passengers.contains { $0["isRefund"]?.boolValue == true }
        expect(query["isRefund"]?.boolValue == anyPassenger, "63227", "isRefund", ok: "agrees with passengerList[].isRefund",
               fail: "\(query["isRefund"].map(JSONDescription.describe) ?? "missing") while passengerList[].isRefund "
                   + (anyPassenger ? "has true" : "is all false") + " \(step)")
    }

    /// A call the protocol says must be refused with `code`.
    func expectRefusal(_ interface: QimenInterface, _ body: JSON, _ code: String, why: String) {
        let page = PublishedShapes.code(interface)
        guard let answer = send(interface, body) else { return }
        let got = answer["retCode"]?.stringValue
        expect(got == code && answer["success"]?.boolValue == false, page, "refusal", ok: "\(code) (\(why))",
               fail: "expected success false and retCode \"\(code)\" (\(why)), got \(JSONDescription.short(answer))")
    }
}
