import Foundation
import Store
import TOP

/// The steps beside the main order: a bad signature refused as published, a second order
/// cancelled and a third closed (seats come back), and the stopped schedules of the route.
extension QimenSelftest {
    /// docs/PROTOCOL.md (Qimen) "Answers": a bad sign earns the pages' refusal byte for byte.
    func checkSignRefusal() {
        let wrong = QimenClient(url: client.url, secret: Secret("busops-selftest-wrong-secret"),
                                identity: client.identity, methods: client.methods, clock: clock)
        let bytes: [UInt8]
        do {
            bytes = try wrong.send(method: client.methods.methodName(.fromCity), bodyBytes: Array("{}".utf8),
                                   timeout: options.timeout)
        } catch {
            return report.add(.fail("sign", "bad signature", String(describing: error)))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        expect(text == AnswerEnvelope.signRefusal, "sign", "bad signature", ok: "refused with the published answer, byte for byte",
               fail: "expected \(AnswerEnvelope.signRefusal), got \(text.count > 160 ? String(text.prefix(157)) + "…" : text)")
    }

    /// Cancel (status "5", in 1 only) on a second order and close (64430, "4") on a third,
    /// each giving its seat back.
    func sideOrders(_ c: ScheduleChoice) {
        for (n, interface) in [(2, QimenInterface.cancelOrder), (3, .closeOrder)] {
            let page = PublishedShapes.code(interface)
            let alitrip = alitripOrderId(n)
            guard let before = seats(c, step: "before the \(page) order") else { return }
            let body = PublishedRequests.createOrder(c, alitripOrderId: alitrip, alipayTradeNo: alipayTradeNo(n),
                                                     people: newPeople(1), departure: before.moved)
            guard let created = ask(.createOrder, body, step: "order for \(page)"),
                  let agent = created["agentOrderId"]?.stringValue else { continue }
            guard ask(interface, PublishedRequests.order(agentOrderId: agent, alitripOrderId: alitrip)) != nil else { continue }
            if let after = seats(c, step: "after \(page)") {
                expect(after.left == before.left, page, "seats released", ok: "leftTicketCnt back to \(before.left)",
                       fail: "leftTicketCnt \(before.left) before the order, \(after.left) after \(page)")
            }
        }
    }

    /// 63223 over the route with a window from today to the end of the searched days; every
    /// dated stopped schedule inside the window.
    func stoppedSchedules(_ c: ScheduleChoice) {
        let begin = ChinaTime.date(now) + " 00:00:00"
        let end = ChinaTime.date(now + max(0, options.days - 1) * 86_400) + " 23:59:59"
        let body = PublishedRequests.stoppedSchedules(fromCity: c.fromCity, toCity: c.toCity, begin: begin, end: end)
        guard let answer = ask(.stoppedSchedules, body) else { return }
        let list = answer["lineSchedule"]?.arrayValue ?? []
        report.add(ScheduleRules.check(list, code: "63223"))
        let first = String(begin.prefix(10)), last = String(end.prefix(10))
        let outside = list.enumerated().compactMap { i, s -> String? in
            guard let date = s["line"]?["fromDate"]?.stringValue, date < first || date > last else { return nil }
            return "lineSchedule[\(i)] \(date)"
        }
        expect(outside.isEmpty, "63223", "lineSchedule[].line.fromDate in the window",
               ok: "\(list.count) stopped schedules, all within \(first)…\(last)",
               fail: "outside \(first)…\(last): \(outside.prefix(3).joined(separator: ", "))")
    }
}
