import XCTest
@testable import TOP

/// Standard vectors: if any of these fail, every TOP and Qimen signature is wrong.
final class DigestTests: XCTestCase {
    private func hex(_ s: String) -> String { Digest.hexUpper(Array(s.utf8)) }
    private func bytes(hex: String) -> [UInt8] {
        var out = [UInt8]()
        var it = hex.makeIterator()
        while let h = it.next(), let l = it.next() { out.append(UInt8(String([h, l]), radix: 16)!) }
        return out
    }

    func testMD5RFC1321Suite() {
        let cases: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
             "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(Digest.hexUpper(Digest.md5(Array(input.utf8))), expected.uppercased(), input)
        }
    }

    func testMD5StreamingMatchesOneShotAcrossBlockBoundaries() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let expected = Digest.md5(message)
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 299, 300] {
            var h = MD5()
            h.update(Array(message[0..<split]))
            h.update(Array(message[split...]))
            XCTAssertEqual(h.finalize(), expected, "split at \(split)")
        }
        // Byte at a time exercises the partial-block buffer on every call.
        var h = MD5()
        for b in message { h.update([b]) }
        XCTAssertEqual(h.finalize(), expected)
    }

    func testSHA256FIPSExamples() {
        XCTAssertEqual(Digest.hexUpper(Digest.sha256(Array("abc".utf8))),
                       "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
        XCTAssertEqual(Digest.hexUpper(Digest.sha256([])),
                       "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")
        XCTAssertEqual(
            Digest.hexUpper(Digest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
            "248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1")
        let long = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(Digest.hexUpper(Digest.sha256(Array(long.utf8))),
                       "CF5B16A778AF8380036CE59E7B0492370B249B11E8F07A51AFAC45037AFEE9D1")
    }

    func testSHA256MillionA() {
        XCTAssertEqual(Digest.hexUpper(Digest.sha256([UInt8](repeating: 0x61, count: 1_000_000))),
                       "CDC76E5C9914FB9281A1C7E284D73E67F1809A48A497200E046D39CCC7112CD0")
        // Streamed in odd-sized pieces: the same answer.
        var h = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 999)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, piece.count)
            h.update(Array(piece[0..<n]))
            left -= n
        }
        XCTAssertEqual(Digest.hexUpper(h.finalize()),
                       "CDC76E5C9914FB9281A1C7E284D73E67F1809A48A497200E046D39CCC7112CD0")
    }

    func testHMACMD5RFC2202() {
        let cases: [([UInt8], [UInt8], String)] = [
            ([UInt8](repeating: 0x0b, count: 16), Array("Hi There".utf8), "9294727a3638bb1c13f48ef8158bfc9d"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "750c783e6ab0b503eaa86e310a5db738"),
            ([UInt8](repeating: 0xaa, count: 16), [UInt8](repeating: 0xdd, count: 50), "56be34521d144c88dbb8c733f0e8b3f6"),
            (bytes(hex: "0102030405060708090a0b0c0d0e0f10111213141516171819"), [UInt8](repeating: 0xcd, count: 50),
             "697eaf0aca3a3aea3a75164746ffaa79"),
            ([UInt8](repeating: 0x0c, count: 16), Array("Test With Truncation".utf8), "56461ef2342edc00f9bab995690efd4c"),
            ([UInt8](repeating: 0xaa, count: 80), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
            ([UInt8](repeating: 0xaa, count: 80),
             Array("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".utf8),
             "6f630fad67cda0ee1fb1f562db3aa53e"),
        ]
        for (i, (key, msg, expected)) in cases.enumerated() {
            XCTAssertEqual(Digest.hexUpper(Digest.hmacMD5(key: key, message: msg)), expected.uppercased(), "case \(i + 1)")
        }
    }

    func testHMACSHA256RFC4231() {
        let largeKey = [UInt8](repeating: 0xaa, count: 131)
        let cases: [([UInt8], [UInt8], String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (bytes(hex: "0102030405060708090a0b0c0d0e0f10111213141516171819"), [UInt8](repeating: 0xcd, count: 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (largeKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (largeKey, Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                              + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (i, (key, msg, expected)) in cases.enumerated() {
            XCTAssertEqual(Digest.hexUpper(Digest.hmacSHA256(key: key, message: msg)), expected.uppercased(), "case \(i)")
        }
        // Case 5: output truncated to 128 bits.
        let mac5 = Digest.hmacSHA256(key: [UInt8](repeating: 0x0c, count: 20), message: Array("Test With Truncation".utf8))
        XCTAssertEqual(Digest.hexUpper(Array(mac5.prefix(16))), "A3B6167473100EE06E0C796C2955552B")
    }

    func testHexUpperAndConstantTimeEqual() {
        XCTAssertEqual(Digest.hexUpper([0x00, 0x0f, 0xa5, 0xff]), "000FA5FF")
        XCTAssertEqual(Digest.hexUpper([]), "")
        XCTAssertTrue(Digest.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(Digest.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(Digest.constantTimeEqual([1, 2, 3], [1, 2]))
        XCTAssertFalse(Digest.constantTimeEqual([1, 2], [1, 2, 0]))
        XCTAssertFalse(Digest.constantTimeEqual([], [0]))
        XCTAssertTrue(Digest.constantTimeEqual([], []))
    }
}
