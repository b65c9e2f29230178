import Foundation

/// A fresh directory under the system's temporary folder, removed with everything in it when the value goes.
/// Every test target makes its scratch files here (one place, one clean-up), never in the working tree.
public final class TempDirectory: @unchecked Sendable {
    /// The directory's absolute path, without a trailing slash.
    public let dir: String

    /// `label` starts the directory's name (a unique suffix follows), so a leftover says which test made it.
    public init(_ label: String = "busops-test") {
        dir = NSTemporaryDirectory() + label + "-" + UUID().uuidString
        // Creating a folder in the temporary directory only fails on a broken machine; no test can go on then.
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory (not created).
    public func file(_ name: String) -> String { dir + "/" + name }

    public var url: URL { URL(fileURLWithPath: dir, isDirectory: true) }

    deinit { try? FileManager.default.removeItem(atPath: dir) }
}
