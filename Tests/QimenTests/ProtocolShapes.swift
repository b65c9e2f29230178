import Foundation
import TOP

/// docs/PROTOCOL.md's Qimen answer tables, transcribed field by field (not taken from our code): each path with its JSON type
/// and format. `?` after a path marks a field the table does not require. Used to check our answers both ways: every
/// required field is there with its type, and no field outside the table is sent.
enum ProtocolShapes {
    enum Kind: Equatable {
        case string, number, bool, array, object
        case digits               // a String of ASCII digits (fen, ids)
        case dateTime             // yyyy-MM-dd HH:mm:ss
        case date                 // yyyy-MM-dd
        case hhmm                 // HH:mm
        case oneOf([String])      // a String, one of these
    }

    static let envelope: [String: Kind] = ["retCode": .string, "retDesc": .string, "success": .bool]

    static let line: [String: Kind] = [
        "line": .object, "line.id": .string, "line.name": .string, "line.desc": .string, "line.fromDate": .date,
        "line.fromTime?": .hhmm, "line.fromDurationBegin?": .hhmm, "line.fromDurationEnd?": .hhmm, "line.fromTimeType": .number,
    ]

    static let order: [String: Kind] = [
        "alitripOrderId": .string, "agentOrderId": .string, "agentIssueTime": .dateTime, "status": .oneOf(["1", "2", "3", "4", "5", "9", "11"]),
        "statusDesc?": .string, "fetchTicketSpot?": .string, "ticketWicket?": .string, "smsContent?": .string,
        "passengerList": .array, "passengerList[].passengerName": .string, "passengerList[].passengerCertificateNo": .string,
        "passengerList[].passengerType": .oneOf(["0", "1"]), "passengerList[].passengerCertificateType": .digits,
        "passengerList[].passengerId": .digits, "passengerList[].ticketList": .array,
        "passengerList[].ticketList[].ticketId": .digits, "passengerList[].ticketList[].ticketNo?": .string,
        "passengerList[].ticketList[].ticketPwd?": .string, "passengerList[].ticketList[].ticketSeatNo?": .string,
        "passengerList[].ticketList[].ticketTitle?": .string, "passengerList[].ticketList[].ticketType?": .string,
        "passengerList[].ticketList[].ticketPrice?": .number, "passengerList[].ticketList[].eTicketNo?": .string,
        "passengerList[].ticketList[].ticketStatus?": .oneOf(["1", "2", "3", "4", "5", "6", "-1"]),
    ]

    /// By docs/PROTOCOL.md section (the interface's short name).
    static let answers: [String: [String: Kind]] = [
        "fromcity": ["fromCityList": .array, "fromCityList[].provinceName": .string, "fromCityList[].fromCity": .string,
                     "fromCityList[].cityCode": .digits],
        "tocity": ["toCityList": .array, "toCityList[].provinceName?": .string, "toCityList[].toCity": .string,
                   "toCityList[].preSellDay": .number],
        "number": ["lineSchedule": .array, "lineSchedule[].scheduleId": .string, "lineSchedule[].ticketPrice": .digits,
                   "lineSchedule[].servicePrice?": .digits, "lineSchedule[].leftTicketCnt": .number, "lineSchedule[].saleStatus": .number,
                   "lineSchedule[].maxSellNum?": .number, "lineSchedule[].backDays?": .number, "lineSchedule[].isOrderRefund": .bool,
                   "lineSchedule[].refundRules": .array, "lineSchedule[].refundRules[].hoursBeforeFrom": .number,
                   "lineSchedule[].refundRules[].hoursBeforeTo?": .number, "lineSchedule[].refundRules[].feePercent": .number,
                   "lineSchedule[].refundStructuredInfo?": .string, "lineSchedule[].stations": .array,
                   "lineSchedule[].stations[].stationCode": .string, "lineSchedule[].stations[].stationName": .string,
                   "lineSchedule[].stations[].arriveTime": .hhmm, "lineSchedule[].stations[].stationType": .number,
                   "lineSchedule[].stations[].longitude?": .string, "lineSchedule[].stations[].latitude?": .string,
                   "lineSchedule[].stations[].geofence?": .array, "lineSchedule[].stations[].geofence[].longitude": .string,
                   "lineSchedule[].stations[].geofence[].latitude": .string, "lineSchedule[].stations[].stationFeature?": .array,
                   "lineSchedule[].segmentPrices": .array, "lineSchedule[].segmentPrices[].fromStationCode": .string,
                   "lineSchedule[].segmentPrices[].toStationCode": .string, "lineSchedule[].segmentPrices[].ticketPrice": .digits,
                   "lineSchedule[].transferPoints?": .array, "lineSchedule[].transferPoints[].name": .string,
                   "lineSchedule[].transferPoints[].address?": .string, "lineSchedule[].transferPoints[].longitude?": .string,
                   "lineSchedule[].transferPoints[].latitude?": .string]
            .merging(prefixed(line, "lineSchedule[]."), uniquingKeysWith: { a, _ in a }),
        "seat": ["leftTicketCnt": .number, "ticketPrice": .digits, "startTime?": .dateTime, "saleStatus": .number],
        "order.create": ["agentOrderId": .string, "alitripOrderId": .string, "status": .oneOf(["1", "2", "3", "4", "5", "9", "11"])],
        "order.confirm": order,
        "order.query": order.merging(["isRefund": .bool, "passengerList[].isRefund": .bool], uniquingKeysWith: { a, _ in a }),
        "return.query": ["agentOrderId": .string, "alitripOrderId": .string, "passengerList": .array,
                         "passengerList[].passengerId?": .digits, "passengerList[].passengerName?": .string,
                         "passengerList[].passengerCertificateNo?": .string, "passengerList[].ticketId?": .string,
                         "passengerList[].passengerCertificateType?": .digits, "passengerList[].refundSurcharge?": .number],
        "return.confirm": [:],
        "offline.number": ["lineSchedule?": .array, "lineSchedule[].scheduleId?": .string].merging(prefixed(line, "lineSchedule[]."),
                                                                                                 uniquingKeysWith: { a, _ in a }),
        "order.close": ["status": .oneOf(["4"])],
        "order.cancel": ["status": .oneOf(["5"])],
    ]

    static func prefixed(_ table: [String: Kind], _ prefix: String) -> [String: Kind] {
        Dictionary(uniqueKeysWithValues: table.map { (prefix + $0.key, $0.value) })
    }

    /// Every way `answer` breaks `table` (plus the envelope), as readable lines; empty when it conforms.
    static func problems(_ answer: JSON, _ table: [String: Kind]) -> [String] {
        var problems: [String] = []
        var known: Set<String> = []
        for (rawPath, kind) in table.merging(envelope, uniquingKeysWith: { a, _ in a }) {
            let optional = rawPath.hasSuffix("?")
            let path = optional ? String(rawPath.dropLast()) : rawPath
            known.insert(path)
            for (where_, value) in values(answer, path) {
                guard let value else {
                    if !optional { problems.append("\(where_): missing") }
                    continue
                }
                if let bad = mismatch(value, kind) { problems.append("\(where_): \(bad)") }
            }
        }
        // Nothing outside the table.
        for path in allPaths(answer, prefix: "") where !known.contains(path) { problems.append("\(path): not in docs/PROTOCOL.md's table") }
        return problems.sorted()
    }

    /// The values at `path` ("a[].b"), one per array element on the way; nil where absent under a present parent.
    static func values(_ json: JSON, _ path: String) -> [(String, JSON?)] {
        var current: [(String, JSON?)] = [("", json)]
        let parts = path.split(separator: ".").map(String.init)
        for (i, part) in parts.enumerated() {
            let isArray = part.hasSuffix("[]")
            let key = isArray ? String(part.dropLast(2)) : part
            var next: [(String, JSON?)] = []
            for (at, value) in current {
                guard let value else { continue }
                let here = at.isEmpty ? key : at + "." + key
                let child = value[key]
                if isArray && i < parts.count - 1 {
                    for (k, item) in (child?.arrayValue ?? []).enumerated() { next.append(("\(here)[\(k)]", item)) }
                } else {
                    next.append((here, child))
                }
            }
            current = next
        }
        return current
    }

    static func allPaths(_ json: JSON, prefix: String) -> [String] {
        guard case .object(let members) = json else { return [] }
        return members.flatMap { key, value -> [String] in
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let items = value.arrayValue {
                return [path] + items.flatMap { allPaths($0, prefix: path + "[]") }
            }
            if case .object = value { return [path] + allPaths(value, prefix: path) }
            return [path]
        }
    }

    static func mismatch(_ value: JSON, _ kind: Kind) -> String? {
        func text(_ check: (String) -> Bool, _ what: String) -> String? {
            guard let s = value.stringValue else { return "expected a String (\(what)), got \(value.compactText)" }
            return check(s) ? nil : "expected \(what), got \"\(s)\""
        }
        func shape(_ s: String, _ pattern: String) -> Bool {
            s.count == pattern.count && zip(s, pattern).allSatisfy { c, p in p == "9" ? (c.isASCII && c.isNumber) : c == p }
        }
        switch kind {
        case .string: return value.stringValue == nil ? "expected a String, got \(value.compactText)" : nil
        case .number: return value.intValue == nil && value.doubleValue == nil ? "expected a Number, got \(value.compactText)" : nil
        case .bool: return value.boolValue == nil ? "expected a Boolean, got \(value.compactText)" : nil
        case .array: return value.arrayValue == nil ? "expected an array, got \(value.compactText)" : nil
        case .object: if case .object = value { return nil } else { return "expected an object, got \(value.compactText)" }
        case .digits: return text({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }, "digits")
        case .dateTime: return text({ shape($0, "9999-99-99 99:99:99") }, "yyyy-MM-dd HH:mm:ss")
        case .date: return text({ shape($0, "9999-99-99") }, "yyyy-MM-dd")
        case .hhmm: return text({ shape($0, "99:99") }, "HH:mm")
        case .oneOf(let options): return text({ options.contains($0) }, options.joined(separator: "|"))
        }
    }
}
