import Store

/// The personal data a preview's lines may carry (passengers' and contacts' names, certificate numbers, phones;
/// a driver's name and phone), so the console can mask them in the confirmation until the operator revealed the
/// order (issue 12: "confirmation dialogs show passengers' full names without a reveal"). The CLI prints them as
/// they are: its operator named the order on purpose, and the reveal there is the command itself.
/// `secrets` are credentials (the ticket password, 取票密码): masked like the rest in the console, and in the CLI's
/// preview too, since whoever holds one can collect the tickets (the audit trail stores "***" for it).
public struct PersonalValues: Equatable, Sendable {
    public var names: [String] = []
    public var certificates: [String] = []
    public var phones: [String] = []
    public var secrets: [String] = []
    public init(names: [String] = [], certificates: [String] = [], phones: [String] = [], secrets: [String] = []) {
        self.names = names; self.certificates = certificates; self.phones = phones; self.secrets = secrets
    }

    /// Everything personal an order holds.
    public static func of(_ d: OrderDetail) -> PersonalValues {
        var p = PersonalValues(names: [d.summary.contactName] + d.tickets.map(\.name),
                               certificates: d.tickets.map(\.certNo),
                               phones: [d.summary.contactPhone] + d.tickets.compactMap(\.phone))
        if let n = d.vehicle.driverName { p.names.append(n) }
        if let ph = d.vehicle.driverPhone { p.phones.append(ph) }
        if let pwd = d.fetch.ticketPwd { p.secrets.append(pwd) }
        return p
    }

    public func adding(names: [String?] = [], phones: [String?] = [], secrets: [String?] = []) -> PersonalValues {
        var p = self
        p.names += names.compactMap { $0 }
        p.phones += phones.compactMap { $0 }
        p.secrets += secrets.compactMap { $0 }
        return p
    }

    /// True when `line` carries one of the secrets (a refusal quoting it would show it in clear).
    public func carriesSecret(_ line: String) -> Bool {
        secrets.contains { !$0.isEmpty && line.contains($0) }
    }
}
