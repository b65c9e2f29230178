import Store

/// Operator input checks. Each returns the cleaned value or throws with a message that says what is wrong and
/// what is expected; nothing is read or written before these pass. A value of the wrong shape whatever the store
/// holds (blank, too long, a control character, not 11 digits, negative) is `.malformed`, a usage error on the
/// command line (exit 2, README); a well-formed value the order or refund refuses (a fee over what was paid, seat
/// numbers for another number of tickets) is `.invalid` (exit 1).
public enum InputValidation {
    /// Ticket number, password, gate and similar short codes: 1–`max` printable characters, no control
    /// characters (they would corrupt the SMS and the signed body), surrounding spaces trimmed.
    public static func code(_ text: String, field: String, max: Int = 32) throws -> String {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { throw OperationError.malformed("\(field) is required") }
        guard t.count <= max else { throw OperationError.malformed("\(field) is \(t.count) characters; at most \(max)") }
        // The characters Qimen refuses too (Base's InputText): an escape sequence or a bidi override in a note or
        // reason would reach the SMS, the audit trail and every screen it is shown on.
        switch InputText.refused(in: t) {
        case .control?: throw OperationError.malformed("\(field) contains a control character; use printable characters only")
        case .bidi(let u)?:
            throw OperationError.malformed("\(field) contains a bidirectional formatting character (\(InputText.codePoint(u))); use printable characters only")
        case nil: return t
        }
    }

    /// An optional short text: blank means absent.
    public static func optionalCode(_ text: String?, field: String, max: Int = 32) throws -> String? {
        guard let text, !text.trimmingSpaces.isEmpty else { return nil }
        return try code(text, field: field, max: max)
    }

    /// Free text such as a reason: required, printable, at most `max` characters.
    public static func reason(_ text: String, field: String = "reason", max: Int = 200) throws -> String {
        try code(text, field: field, max: max)
    }

    public static func phone(_ text: String, field: String) throws -> String {
        let t = text.trimmingSpaces
        guard PersonalData.isValidPhone(t) else {
            throw OperationError.malformed("\(field) '\(t)' is not an 11-digit mainland mobile number (13x–19x)")
        }
        return t
    }

    /// A certificate number: an 18-character resident ID must pass its GB 11643 check digit; anything else
    /// (passport, permits) must at least be a printable code.
    public static func certificate(_ text: String) throws -> String {
        let t = text.trimmingSpaces.uppercased()
        let looksLikeID = t.count == 18 && t.prefix(17).allSatisfy { $0.isASCII && $0.isNumber }
        if looksLikeID || (t.count >= 15 && t.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X") }) {
            guard PersonalData.isValidResidentID(t) else {
                throw OperationError.malformed("certificate number \(t) is not a valid 18-digit ID number (check digit or birth date wrong)")
            }
            return t
        }
        return try code(t, field: "certificate number")
    }

    public static func passengerId(_ text: String) throws -> String {
        let t = text.trimmingSpaces
        guard PersonalData.isValidPassengerId(t) else { throw OperationError.malformed("passenger id '\(t)' must be digits only") }
        return t
    }

    /// An amount in fen that is not negative: checked before the row is read, so a negative amount is a usage error
    /// even for a refund or order that does not exist.
    public static func fen(_ fen: Int, field: String = "amount") throws -> Int {
        guard fen >= 0 else { throw OperationError.malformed("\(field) must not be negative (got \(fen) fen)") }
        return fen
    }

    /// An amount in fen: not negative and not above `ceiling` (what was paid, less what was already refunded).
    public static func amount(_ fen: Int, field: String = "amount", ceiling: Int, ceilingName: String = "what was paid") throws -> Int {
        _ = try self.fen(fen, field: field)
        guard fen <= ceiling else {
            throw OperationError.invalid("\(field) \(Money.yuan(fen)) yuan is more than \(ceilingName) (\(Money.yuan(ceiling)) yuan)")
        }
        return fen
    }

    /// An amount typed in yuan ("85", "85.5", "85.50"): at most two decimals, never negative.
    public static func yuan(_ text: String, field: String = "amount") throws -> Int {
        let t = text.trimmingSpaces
        if t.hasPrefix("-") { throw OperationError.malformed("\(field) must not be negative") }
        guard let fen = Money.parseYuan(t) else {
            throw OperationError.malformed("\(field) '\(t)' is not an amount in yuan with at most two decimals (e.g. 85.50)")
        }
        return fen
    }

    /// A refund result code (agent_return_ticket_code): digits only, as Fliggy's standard codes are.
    public static func resultCode(_ text: String) throws -> Int {
        let t = text.trimmingSpaces
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else {
            throw OperationError.malformed("result code '\(t)' must be digits, e.g. 1905")
        }
        return n
    }

    /// Seat numbers "12,13": one per ticket, each a short printable code, no repeats.
    public static func seats(_ text: String, count: Int) throws -> [String] {
        let seats = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard seats.count == count else {
            throw OperationError.invalid("\(Plural.count(seats.count, "seat number")) given for \(Plural.count(count, "ticket"))")
        }
        let cleaned = try seats.map { try code($0, field: "seat number", max: 8) }
        guard Set(cleaned).count == cleaned.count else { throw OperationError.malformed("seat numbers repeat: \(text)") }
        return cleaned
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
