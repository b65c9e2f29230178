import Glibc

/// Which file a path names: device and inode. Two names for one file compare equal; a file deleted and
/// created again under the same name does not (docs/STORE-SAFETY.md "A store that vanishes").
public struct FileIdentity: Equatable, Sendable, CustomStringConvertible {
    public let device: UInt64
    public let inode: UInt64

    /// What `path` names now; nil when nothing does (deleted, moved away) or it cannot be looked at.
    public static func of(path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    public var description: String { "device \(device) inode \(inode)" }
}
