import TOP

/// Checks on order answers (63226, 63227, 63224) against what the self-test sent: Fliggy's
/// passenger details come back as sent (issue 10), ids are echoed, issued means every ticket issued.
extension QimenSelftest {
    func expectStatus(_ answer: JSON, _ code: String, _ allowed: [String], when: String) {
        guard let status = answer["status"]?.stringValue else { return }  // type failure already reported
        expect(allowed.contains(status), code, "status \(when)", ok: StringFormat.oneOf(allowed).expectation,
               fail: "expected \(StringFormat.alternatives(allowed.map { "\"\($0)\"" })), got \"\(status)\"")
    }

    func checkEchoedIds(_ answer: JSON, _ code: String, _ ref: JSON) {
        for key in ["agentOrderId", "alitripOrderId"] {
            guard let sent = ref[key]?.stringValue, let got = answer[key]?.stringValue else { continue }
            expect(got == sent, code, key, ok: "echoes the request", fail: "expected \"\(sent)\", got \"\(got)\"")
        }
    }

    /// One passenger per person sent, in any order, with name, certificate number, type "0"
    /// and certificate type "1" as sent; passengerIds and ticketIds distinct.
    func checkPassengers(_ answer: JSON, _ code: String, sent: [SimulatedPeople.Person]) {
        let passengers = answer["passengerList"]?.arrayValue ?? []
        let got = passengers.compactMap { p -> String? in
            guard let name = p["passengerName"]?.stringValue, let cert = p["passengerCertificateNo"]?.stringValue else { return nil }
            return name + " " + cert
        }.sorted()
        let expected = sent.map { $0.name + " " + $0.certNo }.sorted()
        expect(got == expected, code, "passengerList", ok: "the passengers as sent (name, certificate number)",
               fail: "sent \(expected.count) passengers, got \(passengers.count)"
                   + (got.count == passengers.count && got.count == expected.count ? " with other names or certificate numbers" : ""))
        let types = passengers.compactMap { $0["passengerType"]?.stringValue }
        expect(types.allSatisfy { $0 == "0" }, code, "passengerList[].passengerType", ok: "\"0\" as sent",
               fail: "sent \"0\", got \(types)")
        let passengerIds = passengers.compactMap { $0["passengerId"]?.stringValue }
        expect(Set(passengerIds).count == passengerIds.count, code, "passengerList[].passengerId unique",
               ok: "one id per passenger", fail: "repeated in \(passengerIds)")
        let tickets = ticketIds(answer)
        expect(Set(tickets).count == tickets.count && tickets.count >= passengers.count, code,
               "passengerList[].ticketList[].ticketId unique", ok: "a ticket per passenger, ids distinct",
               fail: "\(tickets.count) tickets for \(passengers.count) passengers: \(tickets)")
    }

    /// `"3"` only when every ticket is issued (analogue 48230): ticketStatus `2` where given.
    func checkIssuedTickets(_ answer: JSON, _ code: String) {
        guard answer["status"]?.stringValue == "3" else { return }
        let statuses = (answer["passengerList"]?.arrayValue ?? [])
            .flatMap { $0["ticketList"]?.arrayValue ?? [] }.compactMap { $0["ticketStatus"]?.stringValue }
        expect(statuses.allSatisfy { $0 == "2" }, code, "passengerList[].ticketList[].ticketStatus",
               ok: "\"2\" on every ticket of an issued order", fail: "order \"3\" but tickets \(statuses)")
    }

    func ticketIds(_ answer: JSON) -> [String] {
        (answer["passengerList"]?.arrayValue ?? []).flatMap { $0["ticketList"]?.arrayValue ?? [] }
            .compactMap { $0["ticketId"]?.stringValue }
    }
}
