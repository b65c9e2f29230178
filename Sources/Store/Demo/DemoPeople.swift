/// Passengers with valid-looking personal data: 18-digit ID numbers with correct check characters,
/// 11-digit mobile numbers, Chinese names.
enum DemoPeople {
    struct Person { let name, certNo, phone: String }

    static func person(_ rng: inout DemoRandom) -> Person {
        let name = rng.pick(DemoGeography.surnames) + rng.pick(DemoGeography.givenNames)
        let year = rng.int(in: 1955...2012), month = rng.int(in: 1...12), day = rng.int(in: 1...28)
        let first17 = rng.pick(DemoGeography.idRegions) + String(year) + Digits.pad(month, 2) + Digits.pad(day, 2) + Digits.pad(rng.int(1000), 3)
        let cert = first17 + String(PersonalData.idCheckCharacter(first17)!)
        let phone = rng.pick(DemoGeography.phonePrefixes) + Digits.pad(rng.int(100_000_000), 8)
        return Person(name: name, certNo: cert, phone: phone)
    }
}
