import TOP

/// The TOP configuration for a command: a bad setting is a refused action (exit 1) that names it.
enum TopEnvironment {
    static func load() throws -> TopConfig {
        do { return try TopConfig.fromEnvironment() } catch let e as TopConfigError { throw CommandFailure(message: e.message) }
    }
}
