import Foundation
import XCTest
import Views

/// Golden files: `Golden/<name>.txt` holds `screen.text()`, `Golden/<name>.styles.txt` the style map.
/// `UPDATE_GOLDEN=1 swift test` rewrites them; review the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ screen: Screen, _ name: String, styles: Bool = false,
                      file: StaticString = #filePath, line: UInt = #line) {
        compare(screen.text().joined(separator: "\n") + "\n", name + ".txt", file: file, line: line)
        if styles {
            compare(screen.styleMap().joined(separator: "\n") + "\n", name + ".styles.txt", file: file, line: line)
        }
    }

    static func compare(_ actual: String, _ fileName: String, file: StaticString, line: UInt) {
        let url = directory.appendingPathComponent(fileName)
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden \(fileName); run UPDATE_GOLDEN=1 swift test", file: file, line: line)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            XCTFail("""
                \(fileName) differs at line \(first + 1):
                expected: \(first < e.count ? String(e[first]) : "<end>")
                actual:   \(first < a.count ? String(a[first]) : "<end>")
                """, file: file, line: line)
        }
    }
}
