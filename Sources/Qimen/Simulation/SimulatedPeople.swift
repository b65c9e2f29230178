import Store

/// A small seeded generator (SplitMix64): the same seed drives the same day of traffic.
struct SimulationRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
}

/// Buyers for simulated orders: names, valid resident ID numbers (check digit computed as
/// the store validates it), mobile numbers. Invented people, never real ones.
enum SimulatedPeople {
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"]
    static let given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超", "秀英", "晓东", "子涵", "浩然"]
    static let regions = ["330106", "310101", "320102", "440305", "110105", "510104"]

    struct Person {
        var name: String, certNo: String, phone: String
    }

    static func person(_ rng: inout SimulationRandom) -> Person {
        let name = surnames[rng.below(surnames.count)] + given[rng.below(given.count)]
        let year = 1950 + rng.below(55), month = 1 + rng.below(12), day = 1 + rng.below(28)
        let first17 = regions[rng.below(regions.count)] + Digits.pad(year, 4) + Digits.pad(month, 2) + Digits.pad(day, 2) + Digits.pad(rng.below(1000), 3)
        let check = PersonalData.idCheckCharacter(first17).map(String.init) ?? "X"
        let phone = "1" + ["3", "5", "7", "8"][rng.below(4)] + Digits.pad(rng.below(1_000_000_000), 9)
        return Person(name: name, certNo: first17 + check, phone: phone)
    }
}
