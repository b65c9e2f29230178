import Foundation
import Store

/// `busops [--db PATH]`: open the console. With no store named and none at the default path, a demo store is
/// created there first (and the screen says DEMO).
enum ConsoleCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        if let extra = args.positionals.first { throw UsageError(message: "unknown command '\(extra)'") }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(message: "the console needs a terminal; for scripts use busops list / busops stats")
        }
        let env = ProcessInfo.processInfo.environment
        let named = args.value("db") ?? env["BUSOPS_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let path = named ?? StorePaths.defaultPath(env: env)
        if !FileManager.default.fileExists(atPath: path) {
            guard named == nil else { throw CommandFailure(message: "no store at \(path) (create one with: busops demo --db \(path))") }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            Output.note("creating a demo store at \(path)…\n")
            do { try DemoGenerator.create(path: path, options: .init(), force: false) }
            catch let e as StoreError { throw CommandFailure(message: e.message) }
        }
        // A follower kept by `litestream restore -f` (named, or recognised by its -txid file) opens as a replica.
        let replica = args.has("replica") || ReplicaFollower.looksLikeFollower(path)
        var readOnlyReason: String? = args.has("read-only") ? "--read-only" : replica ? "replica" : nil
        if readOnlyReason == nil && !Store.isWritable(path: path) {
            readOnlyReason = Store.filesystemIsReadOnly(path: path) ? "the store's filesystem is read-only" : "store not writable"
        }
        let store: Store
        var follower: ReplicaFollower?
        do {
            if replica {
                let f = try ReplicaFollower(followerPath: path, sourceDirectory: args.value("replica-dir")
                    ?? env["BUSOPS_REPLICA_DIR"].flatMap { $0.isEmpty ? nil : $0 })
                follower = f
                store = try Store(path: f.mirror.path, readOnly: true, create: false)
            } else {
                store = try Store(path: path, readOnly: readOnlyReason != nil, create: false)
            }
        }
        catch let e as StoreError { throw CommandFailure(message: e.message) }
        let config = ConsoleConfig.load(env: env)
        let session = SessionInfo(storePath: path, isDemo: (try? store.isDemo()) ?? false,
                                  readOnly: readOnlyReason != nil, readOnlyReason: readOnlyReason,
                                  replicaOf: replica ? (args.value("primary") ?? env["BUSOPS_PRIMARY"].flatMap { $0.isEmpty ? nil : $0 }
                                      ?? "the console on the primary host (where busops serve runs)") : nil)
        let options = ConsoleOptions(themeName: args.value("theme") ?? config.theme ?? "default",
                                     mouse: args.has("mouse") || config.mouse,
                                     dispatch: !args.has("no-dispatch") && readOnlyReason == nil)
        let app = ConsoleApp(store: store, session: session, options: options)
        app.follower = follower
        return try app.run()
    }
}
