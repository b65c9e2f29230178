/// Passengers with valid-looking personal data: 18-digit ID numbers with correct check characters,
/// 11-digit mobile numbers, Chinese names.
enum DemoPeople {
    struct Person { let name, certNo, phone: String }

    static func person(_ rng: inout DemoRandom) -> Person {
        let name = rng.pick(DemoGeography.surnames) + rng.pick(DemoGeography.givenNames)
        let year = rng.int(in: 1955...2012), month = rng.int(in: 1...12), day = rng.int(in: 1...28)
        let first17 = rng.pick(DemoGeography.idRegions) + String(year) + pad(month, 2) + pad(day, 2) + pad(rng.int(1000), 3)
        let cert = first17 + String(PersonalData.idCheckCharacter(first17)!)
        let phone = rng.pick(DemoGeography.phonePrefixes) + pad(rng.int(100_000_000), 8)
        return Person(name: name, certNo: cert, phone: phone)
    }

    /// `n` in decimal, zero-padded to `w` digits. Written straight into the new string's storage (no temporary
    /// strings): the demo load calls this several times per row.
    static func pad(_ n: Int, _ w: Int) -> String {
        guard n >= 0 else {
            let s = String(n)
            return s.utf8.count >= w ? s : String(repeating: "0", count: w - s.utf8.count) + s
        }
        var digits = 1, v = n
        while v >= 10 { v /= 10; digits += 1 }
        let count = max(w, digits)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var v = n
            for i in stride(from: count - 1, through: 0, by: -1) {
                buffer[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            }
            return count
        }
    }
}
