/// Checks for passenger data (resident ID numbers, phones, passenger ids). Used on every write path.
public enum PersonalData {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkChars: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The GB 11643 check character for the first 17 digits.
    public static func idCheckCharacter(_ first17: String) -> Character? {
        // ASCII bytes, not Character.wholeNumberValue: this runs for every demo passenger and every input.
        var sum = 0, count = 0
        for b in first17.utf8 {
            guard b >= 48, b <= 57, count < 17 else { return nil }
            sum += Int(b - 48) * weights[count]
            count += 1
        }
        return count == 17 ? checkChars[sum % 11] : nil
    }

    /// An 18-digit resident ID number with a valid check character (and a plausible birth date).
    public static func isValidResidentID(_ id: String) -> Bool {
        guard id.count == 18, let check = idCheckCharacter(String(id.prefix(17))) else { return false }
        guard let last = id.last, last.uppercased() == String(check) else { return false }
        let chars = Array(id)
        guard let y = Int(String(chars[6..<10])), let m = Int(String(chars[10..<12])), let d = Int(String(chars[12..<14])),
              (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return false }
        return true
    }

    /// Mainland mobile numbers: 11 digits starting 13–19.
    public static func isValidPhone(_ phone: String) -> Bool {
        phone.count == 11 && phone.allSatisfy { $0.isASCII && $0.isNumber } && phone.hasPrefix("1")
            && "3456789".contains(phone[phone.index(after: phone.startIndex)])
    }

    /// Fliggy passes passenger ids as digits only (seed 000, refund fee interface).
    public static func isValidPassengerId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 32 && id.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
