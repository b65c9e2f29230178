import Foundation
@testable import Store

/// A fresh store file in a temporary directory, removed when the test ends.
final class TempStore {
    let dir: String
    let path: String
    init() {
        dir = NSTemporaryDirectory() + "busops-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/store.sqlite"
    }
    deinit { try? FileManager.default.removeItem(atPath: dir) }
}

/// A fixed instant (2026-11-21 10:00 GMT+8) so demo data and rule tiers are reproducible.
let fixedNow = ChinaTime.epoch(year: 2026, month: 11, day: 21, hour: 10)
