// The relay's frames carry bytes exactly, refuse what is cut short or out of step, and every
// TransportResult survives the trip.

import Foundation
import XCTest
@testable import TOP

final class RelayFramingTests: XCTestCase {
    func testFieldsRoundTripByteForByte() throws {
        let fields: [[UInt8]] = [[], Array("POST".utf8), [0, 1, 2, 255, 10, 13], Array("票".utf8)]
        let bytes = RelayFraming.encode(fields)
        XCTAssertEqual(Array(bytes.prefix(8)), [0, 0, 0, 4, 0, 0, 0, 0], "count, then the empty field's length")
        XCTAssertEqual(try RelayFraming.decode(bytes), fields)
    }

    func testCutShortAndOutOfStepAreRefused() {
        let bytes = RelayFraming.encode([Array("hello".utf8)])
        XCTAssertThrowsError(try RelayFraming.decode(Array(bytes.dropLast()))) { XCTAssertEqual($0 as? RelayFraming.Failure, .truncated) }
        XCTAssertThrowsError(try RelayFraming.decode([0, 0, 0, 1, 0xff, 0, 0, 0])) { XCTAssertEqual($0 as? RelayFraming.Failure, .oversized) }
        XCTAssertThrowsError(try RelayFraming.decode([0, 0, 1, 0])) { XCTAssertEqual($0 as? RelayFraming.Failure, .oversized) }
    }

    func testReadsFramesFromADescriptorAndSeesTheEnd() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]) }
        try RelayFraming.write(RelayFraming.encode([Array("a".utf8)]) + RelayFraming.encode([Array("bc".utf8), []]), to: fds[1])
        close(fds[1])
        XCTAssertEqual(try RelayFraming.read(from: fds[0]), [Array("a".utf8)])
        XCTAssertEqual(try RelayFraming.read(from: fds[0]), [Array("bc".utf8), []])
        XCTAssertNil(try RelayFraming.read(from: fds[0]), "end of input between frames")
    }

    func testAReadThatNeverCompletesTimesOut() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        try RelayFraming.write([0, 0, 0, 1], to: fds[1])   // a frame announced, never sent
        let deadline = DispatchTime.now().uptimeNanoseconds + 200_000_000
        XCTAssertThrowsError(try RelayFraming.read(from: fds[0], deadline: deadline)) { XCTAssertEqual($0 as? RelayFraming.Failure, .timedOut) }
    }

    func testEveryResultAndThePostSurviveTheTrip() throws {
        let results: [TransportResult] = [.answered(status: 200, body: Array("{\"ok\":1}".utf8)), .answered(status: 502, body: []),
                                          .failed(.connectionRefused), .failed(.connectionReset), .failed(.timeout),
                                          .failed(.other("TLS failure (-1202)"))]
        for r in results {
            XCTAssertEqual(RelayMessage.result(try RelayFraming.decode(RelayFraming.encode(RelayMessage.encode(r)))), r)
        }
        let post = RelayMessage.Post(url: URL(string: "https://eco.taobao.com/router/rest")!, contentType: TopRequest.contentType,
                                     timeout: 2.5, body: Array("a=1&b=%E7%A5%A8".utf8))
        XCTAssertEqual(RelayMessage.post(RelayMessage.encode(post)), post)
        XCTAssertNil(RelayMessage.post([Array("GET".utf8)]))
        XCTAssertNil(RelayMessage.result([Array("answered".utf8), Array("abc".utf8), []]))
    }
}
