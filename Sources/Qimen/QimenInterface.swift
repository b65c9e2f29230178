import Foundation

/// The interfaces Fliggy calls on the merchant (docs/PROTOCOL.md). Method names are configured
/// per Qimen scene, so the wire name lives in `QimenMethodTable`, not here.
public enum QimenInterface: String, Sendable, CaseIterable {
    case fromCity, toCity, schedules, seats, createOrder, queryOrder, issueTicket
    case refundApply, refundFee, stoppedSchedules, closeOrder, cancelOrder

    /// The short name used in docs/PROTOCOL.md's payload table and in `BUSOPS_QIMEN_METHODS`.
    public var shortName: String {
        switch self {
        case .fromCity: return "fromcity"
        case .toCity: return "tocity"
        case .schedules: return "number"
        case .seats: return "seat"
        case .createOrder: return "order.create"
        case .queryOrder: return "order.query"
        case .issueTicket: return "order.confirm"
        case .refundApply: return "return.confirm"
        case .refundFee: return "return.query"
        case .stoppedSchedules: return "offline.number"
        case .closeOrder: return "order.close"
        case .cancelOrder: return "order.cancel"
        }
    }

    /// Accepts the short name or the case name (`seat`, `seats`; `order.create`, `createOrder`).
    public init?(configName: String) {
        let name = configName.trimmingCharacters(in: .whitespaces)
        guard let found = Self.allCases.first(where: { $0.shortName == name || $0.rawValue == name }) else {
            return nil
        }
        self = found
    }
}

/// Wire method name ↔ interface. Defaults are docs/PROTOCOL.md's Qimen table (custom-bus scene).
public struct QimenMethodTable: Sendable, Equatable {
    public private(set) var names: [QimenInterface: String]

    public static let defaults = QimenMethodTable(names: [
        .fromCity: "qimen.alitrip.custombus.product.fromcity.query",
        .toCity: "qimen.alitrip.custombus.product.tocity.query",
        .schedules: "qimen.alitrip.custombus.product.number.query",
        .seats: "qimen.alitrip.custombus.product.seat.query",
        .createOrder: "qimen.alitrip.custombus.order.create",
        .queryOrder: "qimen.alitrip.custombus.order.query",
        .issueTicket: "qimen.alitrip.custombus.order.confirm",
        .refundApply: "qimen.alitrip.custombus.return.confirm",
        .refundFee: "qimen.alitrip.custombus.return.query",
        .stoppedSchedules: "qimen.alitrip.custombus.offline.number.query",
        .closeOrder: "qimen.alitrip.custombus.order.close",
        .cancelOrder: "qimen.alitrip.custombus.order.cancel",
    ])

    public init(names: [QimenInterface: String]) {
        self.names = names
    }

    public func methodName(_ interface: QimenInterface) -> String {
        names[interface] ?? QimenMethodTable.defaults.names[interface]!
    }

    public func interface(forMethod method: String) -> QimenInterface? {
        names.first { $0.value == method }?.key
    }

    /// Applies overrides written `short=method.name,short2=other.name` (commas or newlines;
    /// `#` starts a comment line). Unknown short names and duplicate method names are errors,
    /// so a typo cannot silently leave an interface unreachable.
    public func overriding(with spec: String) throws -> QimenMethodTable {
        var table = self
        for entry in spec.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let line = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw QimenConfigError("method override '\(line)' is not short=method.name")
            }
            guard let interface = QimenInterface(configName: parts[0]) else {
                let known = QimenInterface.allCases.map(\.shortName).joined(separator: ", ")
                throw QimenConfigError("unknown interface '\(parts[0])' in method overrides (known: \(known))")
            }
            table.names[interface] = parts[1]
        }
        let values = Array(table.names.values)
        if Set(values).count != values.count {
            throw QimenConfigError("two interfaces share one method name after overrides")
        }
        return table
    }
}
