import Store

/// The personal data a preview's lines may carry (passengers' and contacts' names, certificate numbers, phones;
/// a driver's name and phone), so the console can mask them in the confirmation until the operator revealed the
/// order (issue 12: "confirmation dialogs show passengers' full names without a reveal"). The CLI prints them as
/// they are: its operator named the order on purpose, and the reveal there is the command itself.
public struct PersonalValues: Equatable, Sendable {
    public var names: [String] = []
    public var certificates: [String] = []
    public var phones: [String] = []
    public init(names: [String] = [], certificates: [String] = [], phones: [String] = []) {
        self.names = names; self.certificates = certificates; self.phones = phones
    }

    /// Everything personal an order holds.
    public static func of(_ d: OrderDetail) -> PersonalValues {
        var p = PersonalValues(names: [d.summary.contactName] + d.tickets.map(\.name),
                               certificates: d.tickets.map(\.certNo),
                               phones: [d.summary.contactPhone] + d.tickets.compactMap(\.phone))
        if let n = d.vehicle.driverName { p.names.append(n) }
        if let ph = d.vehicle.driverPhone { p.phones.append(ph) }
        return p
    }

    public func adding(names: [String?] = [], phones: [String?] = []) -> PersonalValues {
        var p = self
        p.names += names.compactMap { $0 }
        p.phones += phones.compactMap { $0 }
        return p
    }
}
