import Foundation
import Store
import TOP

/// The String formats named in the "format" column of docs/PROTOCOL.md's Qimen tables.
enum StringFormat: Sendable {
    case any
    /// Ids the later calls send back (agentOrderId, scheduleId, station codes): never empty.
    case nonEmpty
    /// Fen amounts, passengerId, ticketId ("digits only", §2 shared rules).
    case digits
    /// A 6-digit national admin code (63238 `cityCode`).
    case adminCode
    case date          // yyyy-MM-dd
    case dateTime      // yyyy-MM-dd HH:mm:ss
    case minute        // HH:mm, line times
    case degrees       // a longitude or latitude
    case jsonText      // refundStructuredInfo
    case oneOf([String])

    var expectation: String {
        switch self {
        case .any: return "String"
        case .nonEmpty: return "non-empty String"
        case .digits: return "String of digits"
        case .adminCode: return "String, 6-digit admin code"
        case .date: return "String yyyy-MM-dd"
        case .dateTime: return "String yyyy-MM-dd HH:mm:ss"
        case .minute: return "String HH:mm"
        case .degrees: return "String of degrees"
        case .jsonText: return "String of JSON text"
        case .oneOf(let values): return "String " + Self.alternatives(values.map { "\"\($0)\"" })
        }
    }

    func accepts(_ s: String) -> Bool {
        switch self {
        case .any: return true
        case .nonEmpty: return !s.isEmpty
        case .digits: return !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        case .adminCode: return s.utf8.count == 6 && StringFormat.digits.accepts(s)
        case .date: return ChinaTime.parseDate(s) != nil
        case .dateTime: return TopClock.parse(s) != nil
        case .minute: return Self.isMinute(s)
        case .degrees: return Double(s).map { $0.isFinite && abs($0) <= 180 } ?? false
        case .jsonText: return (try? JSON.parse(s)) != nil
        case .oneOf(let values): return values.contains(s)
        }
    }

    /// Exactly `HH:mm`, 00:00 … 23:59.
    static func isMinute(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 5, b[2] == 0x3A, [0, 1, 3, 4].allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return false }
        let hour = Int(b[0] - 0x30) * 10 + Int(b[1] - 0x30), minute = Int(b[3] - 0x30) * 10 + Int(b[4] - 0x30)
        return hour < 24 && minute < 60
    }

    static func alternatives(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}

/// The Number formats of the tables: whole fen, counts, codes.
enum NumberFormat: Sendable {
    case integer(min: Int?, max: Int?)
    case oneOf([Int])

    static let count = NumberFormat.integer(min: 0, max: nil)

    var expectation: String {
        switch self {
        case .integer(nil, nil): return "Number, whole"
        case .integer(let lo?, nil): return "Number ≥ \(lo)"
        case .integer(let lo?, let hi?): return "Number \(lo)–\(hi)"
        case .integer(nil, let hi?): return "Number ≤ \(hi)"
        case .oneOf(let values): return "Number " + StringFormat.alternatives(values.map(String.init))
        }
    }

    func accepts(_ n: Int) -> Bool {
        switch self {
        case .integer(let lo, let hi): return n >= (lo ?? Int.min) && n <= (hi ?? Int.max)
        case .oneOf(let values): return values.contains(n)
        }
    }
}

/// What one field must hold.
indirect enum FieldShape: Sendable {
    case string(StringFormat)
    case number(NumberFormat)
    case boolean
    case object([FieldRule])
    case array(FieldShape)
    /// String or Number of degrees: only where docs/PROTOCOL.md names no type (63236 geofence
    /// points `{longitude, latitude}`), so either is accepted.
    case degreesAnyType

    var expectation: String {
        switch self {
        case .string(let format): return format.expectation
        case .number(let format): return format.expectation
        case .boolean: return "Boolean"
        case .object: return "object"
        case .array(let element):
            if case .object = element { return "array" }
            return "array of " + element.expectation
        case .degreesAnyType: return "degrees (String or Number)"
        }
    }
}

/// One row of a table: name, `M` (required) or not, shape. `formerly` lists names used
/// before the published one (issue 10: `ticketGate` for `ticketWicket`, `cities` for
/// `fromCityList`): finding one instead earns a failure that says so.
struct FieldRule: Sendable {
    let name: String
    let required: Bool
    let shape: FieldShape
    let formerly: [String]

    static func req(_ name: String, _ shape: FieldShape, formerly: [String] = []) -> FieldRule {
        FieldRule(name: name, required: true, shape: shape, formerly: formerly)
    }

    static func opt(_ name: String, _ shape: FieldShape, formerly: [String] = []) -> FieldRule {
        FieldRule(name: name, required: false, shape: shape, formerly: formerly)
    }
}

/// A place in an answer, both concrete (`passengerList[1].ticketId`, for failures) and as
/// a pattern (`passengerList[].ticketId`, one ok line for every element).
struct FieldPath: Sendable {
    var concrete: String
    var pattern: String

    static let root = FieldPath(concrete: "", pattern: "")

    func member(_ name: String) -> FieldPath {
        FieldPath(concrete: concrete.isEmpty ? name : concrete + "." + name,
                  pattern: pattern.isEmpty ? name : pattern + "." + name)
    }

    func index(_ i: Int) -> FieldPath {
        FieldPath(concrete: concrete + "[\(i)]", pattern: pattern + "[]")
    }
}

/// How a value is named in a failure: its JSON type and a short, terminal-safe rendering.
enum JSONDescription {
    static func typeName(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "Boolean"
        case .int, .double: return "Number"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Object"
        case .encoded: return "JSON"
        }
    }

    /// `Number 3`, `String "3"`, `Array`, `null`.
    static func describe(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .array(let items): return "Array of \(items.count)"
        case .object: return "Object"
        default: return typeName(value) + " " + short(value)
        }
    }

    static func short(_ value: JSON) -> String {
        let text = String(decoding: value.encoded(), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
