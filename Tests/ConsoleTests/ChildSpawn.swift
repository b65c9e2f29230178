import Foundation

/// Starts a child with posix_spawn: stdin from /dev/null, stdout and stderr to a file. No Foundation.Process:
/// its waitUntilExit relies on a RunLoop and can wait forever when a child leaves a daemon behind (tmux).
enum ChildSpawn {
    /// The child's pid, or the posix_spawn error number. `errors`: a separate file for stderr
    /// (a test may point stdout or stderr at /dev/full); by default stderr joins stdout.
    static func start(_ args: [String], env: [String: String], output: String, errors: String? = nil) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, args[0], &actions, nil, &argv, &envp)
        return rc == 0 ? .success(pid) : .failure(SpawnError(code: rc))
    }
}

struct SpawnError: Error {
    let code: Int32
    var message: String { String(cString: strerror(code)) }
}
