// MD5 (RFC 1321). Needed because TOP's `md5` sign method and Qimen's signature use it;
// it is not used for anything where collision resistance matters to us.

public typealias MD5 = BlockHash<MD5Compression>

/// MD5's part of the construction: its chaining state and compression function (RFC 1321 §3.3-3.4).
public enum MD5Compression: BlockCompression {
    public static let digestSize = 16
    public static let bigEndian = false
    public static var initialState: (UInt32, UInt32, UInt32, UInt32) { (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476) }

    public static func words(_ s: (UInt32, UInt32, UInt32, UInt32)) -> [UInt32] { [s.0, s.1, s.2, s.3] }

    // Per-round shift amounts and sine-derived constants, straight from RFC 1321 §3.4.
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    private static let table: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    public static func compress(_ s: inout (UInt32, UInt32, UInt32, UInt32), _ block: UnsafeRawBufferPointer) {
        var m = (UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
                 UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0))
        withUnsafeMutableBytes(of: &m) { words in
            for i in 0..<16 {
                let w = block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                words.storeBytes(of: UInt32(littleEndian: w), toByteOffset: 4 * i, as: UInt32.self)
            }
        }
        var a = s.0, b = s.1, c = s.2, d = s.3
        withUnsafeBytes(of: &m) { raw in
            let words = raw.bindMemory(to: UInt32.self)
            table.withUnsafeBufferPointer { k in
                shifts.withUnsafeBufferPointer { r in
                    for i in 0..<64 {
                        var f: UInt32
                        var g: Int
                        switch i {
                        case 0..<16: f = (b & c) | (~b & d); g = i
                        case 16..<32: f = (d & b) | (~d & c); g = (5 &* i &+ 1) & 15
                        case 32..<48: f = b ^ c ^ d; g = (3 &* i &+ 5) & 15
                        default: f = c ^ (b | ~d); g = (7 &* i) & 15
                        }
                        f = f &+ a &+ k[i] &+ words[g]
                        a = d
                        d = c
                        c = b
                        b = b &+ ((f << r[i]) | (f >> (32 &- r[i])))
                    }
                }
            }
        }
        s.0 &+= a; s.1 &+= b; s.2 &+= c; s.3 &+= d
    }
}
