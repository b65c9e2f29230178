/// Zero-padded numbers for ids and times ("BO0000000012", "08:05"): written once for every module.
public enum Digits {
    /// `n` in decimal, zero-padded to `w` digits (wider numbers kept whole). Written straight into the new string's
    /// storage, no temporary strings: the demo load calls this several times per row.
    public static func pad(_ n: Int, _ w: Int) -> String {
        guard n >= 0 else { return "-" + pad(-n, max(0, w - 1)) }
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
