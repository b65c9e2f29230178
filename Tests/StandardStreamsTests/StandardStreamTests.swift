import Foundation
import Glibc
@testable import StandardStreams
import XCTest
import TestFixtures

/// The one stdout/stderr writer (docs/HARDENING.md "Output that cannot be written"): a failed
/// write is counted, never fatal, and a log stream tells the lost count on its next good line.
final class StandardStreamTests: XCTestCase {
    private var temp: TempDirectory!
    private var dir: String { temp.dir }

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        temp = TempDirectory("busops-streams")
    }

    override func tearDown() { temp = nil }

    /// A descriptor the test can point at /dev/full, then at a file, under the stream's feet.
    private func redirect(_ fd: Int32, to path: String) {
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        XCTAssertGreaterThanOrEqual(opened, 0)
        XCTAssertEqual(dup2(opened, fd), fd)
        close(opened)
    }

    func testFullDiskIsCountedAndTheNextGoodLineSaysHowManyWereLost() throws {
        let fd = dup(2)
        defer { close(fd) }
        let log = StandardStream(fd: fd, name: "standard error", reportsLosses: true)
        redirect(fd, to: "/dev/full")
        XCTAssertFalse(log.write("one\n"))
        XCTAssertFalse(log.write("two\n"))
        XCTAssertEqual(log.lostCount, 2)
        XCTAssertEqual(log.failure, "No space left on device")
        let file = dir + "/log"
        redirect(fd, to: file)
        XCTAssertTrue(log.write("three\n"))
        XCTAssertTrue(log.write("four\n"))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8),
                       "busops: 2 lines lost on standard error (No space left on device)\nthree\nfour\n")
        XCTAssertEqual(log.lossSummary, "2 lines lost on standard error (No space left on device)")
    }

    func testOutputStreamNeverInsertsNotesAndAClosedPipeIsEPIPENotADeadProcess() {
        StandardStream.ignoreBrokenPipe()
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[0])   // the reader went away (`busops list | head -1`)
        defer { close(fds[1]) }
        let out = StandardStream(fd: fds[1], name: "standard output", reportsLosses: false)
        XCTAssertFalse(out.write("row\n"))
        XCTAssertEqual(out.failure, String(cString: strerror(EPIPE)))
        XCTAssertEqual(out.lostCount, 1)
    }

    func testLinesFromManyThreadsNeverInterleave() throws {
        let file = dir + "/lines"
        let fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        defer { close(fd) }
        let log = StandardStream(fd: fd, name: "standard error", reportsLosses: true)
        let line = String(repeating: "x", count: 300) + "\n"
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<100 { log.write(line) }
        }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 800)
        XCTAssertTrue(lines.allSatisfy { $0.count == 300 })
    }
}
