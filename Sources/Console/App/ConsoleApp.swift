import Foundation
import Store
import Views

/// The console's main loop: the only place that blocks. Input and store changes become events; `Update`
/// turns them into state and effects; effects run here; the frame is drawn only when it changed.
final class ConsoleApp {
    let store: Store
    var state: AppState
    let options: ConsoleOptions
    let runner: EffectRunner
    let terminal: TerminalBackend
    /// How often another process's commits are looked for (PRAGMA data_version is a few microseconds).
    static let pollMillis = 40
    /// Set whenever an event was processed; the next loop turn renders a frame.
    var dirty = true
    /// Key-to-frame timestamps for benchmarks (BUSOPS_TRACE_FRAMES); nil, and free, otherwise.
    let trace = FrameTrace(env: ProcessInfo.processInfo.environment)
    /// The outbox dispatcher on its own thread while the console is open (nil: read-only or --no-dispatch).
    var dispatcher: ConsoleDispatcher?
    /// Set on a replica console: the follower whose updates are copied into the store this console reads.
    var follower: ReplicaFollower?
    /// When the primary's replication was last looked at (not state: it only paces the look).
    var lastReplicationCheck = Date.distantPast
    /// Other processes' commits are taken in at most every `coalesceSeconds`: ten consoles on a store that a writer
    /// commits to 40 times a second reload 10 times a second each, not 40 (issue 12, "Many consoles, one store"); a
    /// commit seen sooner waits for the next poll, so it is on screen within ~150 ms.
    static let coalesceSeconds = 0.1
    var lastOutsideRefresh = Date.distantPast
    var refreshPending = false

    init(store: Store, session: SessionInfo, options: ConsoleOptions, terminal: TerminalBackend = NCursesTerminal()) {
        self.store = store
        self.terminal = terminal
        self.options = options
        state = AppState(session: session, now: ChinaTime.now())
        state.dueOptions = DueOptions.from(env: ProcessInfo.processInfo.environment)
        state.chartGlyphs = ChartGlyphs.detect(ProcessInfo.processInfo.environment)
        let term = terminal
        runner = EffectRunner(store: store, operatorName: OperatorIdentity.name(), source: OperatorIdentity.source(),
                              copy: { term.copyToClipboard($0) })
    }

    func run() throws -> Int32 {
        let env = ProcessInfo.processInfo.environment
        var warning: String?
        let theme: Theme
        do { theme = try Theme.load(name: options.themeName, searchPaths: ConsoleApp.themePaths(env: env)) }
        catch { theme = Theme.builtinDefault; warning = "theme: \(error) — using the default theme" }
        SignalFlags.install()
        // Declared first so it runs last: the terminal is restored before waiting for a call in flight.
        defer { dispatcher?.stop() }
        terminal.start(theme: theme, env: env, mouse: options.mouse)
        defer { terminal.stop() }
        if let warning { state.message = StatusMessage(kind: .error, text: warning) }
        startDispatcher(env: env)
        state.live.dataVersion = (try? store.dataVersion()) ?? 0
        state.live.lastChangeAt = ChinaTime.now()
        let size = terminal.size
        // First rows on screen before anything else is read: the outbox counts follow one frame later.
        process([.resize(width: size.width, height: size.height)], extra: [.loadOrders(.from(nil, keepSelection: nil))])
        var healthLoaded = false
        // After the first read, so the WAL file exists; nil (fixed-rate polling) where inotify cannot help.
        // A replica console polls the follower's txid file instead (its mirror changes only when that does).
        let watch = ProcessInfo.processInfo.environment["BUSOPS_POLL_ONLY"] == nil && follower == nil ? StoreWatch(storePath: state.session.storePath) : nil
        var lastWrite = Date.distantPast
        var lastPoll = Date()
        var drawnMinute = -1
        while !state.quit && SignalFlags.received == 0 {
            // Render only when something changed (or the minute on the clock did): idle costs no CPU and no bytes.
            let now = ChinaTime.now()
            if now / 60 != drawnMinute && drawnMinute >= 0 { process([.minuteTurned]) }
            if dirty || now / 60 != drawnMinute {
                terminal.draw(FrameRenderer.render(state, now: now))
                trace?.frameDrawn()
                dirty = false
                drawnMinute = now / 60
            }
            if !healthLoaded {
                healthLoaded = true
                process([], extra: [.loadHealth, .loadDue])
                continue
            }
            var input: TerminalInput?
            var written = false
            if let watch, !watch.broken {
                // Idle, sleep until a key, a signal or a write to the store (no wake-ups 25 times a second); just
                // after a write keep the normal poll rate, since a write is seen before its commit is visible.
                input = terminal.readInput(timeoutMillis: 0)
                if input == nil {
                    let settling = refreshPending || Date().timeIntervalSince(lastWrite) * 1000 < Double(StoreWatch.settleMillis)
                    switch watch.wait(inputFD: STDIN_FILENO, timeoutMillis: settling ? ConsoleApp.pollMillis : StoreWatch.idleMillis) {
                    case .input: input = terminal.readInput(timeoutMillis: 0)
                    case .storeWritten: written = true; lastWrite = Date()
                    case .timeout: break
                    }
                }
            } else {
                input = terminal.readInput(timeoutMillis: ConsoleApp.pollMillis)
            }
            if case .key? = input { trace?.keyReceived() }
            if let input { process(events(for: input)) }
            if written || Date().timeIntervalSince(lastPoll) * 1000 >= Double(ConsoleApp.pollMillis) || input == nil {
                lastPoll = Date()
                pollStore()
            }
        }
        return 0
    }

    func events(for input: TerminalInput) -> [Event] {
        switch input {
        case .resize:
            let s = terminal.size
            return [.resize(width: s.width, height: s.height)]
        case .key(let k):
            return [.key(k)]
        case .wheel(let up):
            return [.key(up ? .up : .down)]
        case .mouseClick(_, let y):
            // Rows start below the header, sub-header and column titles.
            let row = y - 3
            guard state.detail == nil, state.overlay == nil, row >= 0 else { return [] }
            let delta = row - currentSelection()
            return Array(repeating: Event.key(delta > 0 ? .down : .up), count: abs(delta))
        }
    }

    /// The selected row's line on screen (the lists scroll, so not its position in the list).
    func currentSelection() -> Int {
        func onScreen<Row>(_ l: OffsetListState<Row>) -> Int {
            l.selected - FrameRenderer.offset(l.selected, l.total, state.listHeight)
        }
        switch state.tab {
        case .orders: return state.orders.selected
        case .seats: return onScreen(state.seats)
        case .refunds: return onScreen(state.refunds)
        case .callbacks: return onScreen(state.callbacks)
        case .due: return onScreen(state.due)
        case .dashboard: return 0
        }
    }

    /// Themes ship in the repository's themes/ (found next to the binary's build folder or the working
    /// directory) and may be added in $XDG_CONFIG_HOME/busops/themes.
    static func themePaths(env: [String: String]) -> [String] {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // The operator's own themes first, so a theme of the same name there overrides the shipped one.
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        var paths = [config + "/busops/themes", FileManager.default.currentDirectoryPath + "/themes"]
        var dir = exe
        for _ in 0..<5 { paths.append(dir.path + "/themes"); dir = dir.deletingLastPathComponent() }
        return paths
    }

    /// A follower's lag every poll; on the primary, Litestream's last cut at most every 5 s (a directory listing).
    /// Told to `Update` as an event only when it changed.
    func checkReplication() throws {
        var lag: String?, primary: String?, behind = false
        if let follower {
            try follower.refresh()
            lag = follower.lagText()
        } else {
            let now = Date()
            guard now.timeIntervalSince(lastReplicationCheck) >= 5 else { return }
            lastReplicationCheck = now
            let health = ReplicationHealth(storePath: store.path, replicaDirectory: nil)
            if let at = health.lastReplicated {
                primary = "replicated " + Formatting.age(max(0, now.timeIntervalSince(at))) + " ago"
                behind = health.warning(threshold: 60) != nil
            }
        }
        guard lag != state.live.replicaLag || primary != state.live.replication || behind != state.live.replicationBehind else { return }
        process([.replicationChecked(replicaLag: lag, primary: follower == nil ? primary : state.live.replication, behind: behind)])
    }

    /// Notices other processes' commits (serve, dispatch, another console) without re-querying anything else.
    func pollStore() {
        // Before anything else: a store deleted, moved or replaced under the console is never acted on again
        // (one stat per poll; docs/STORE-SAFETY.md). Once gone, stop polling the nameless file.
        if state.live.storeGone != nil { return }
        if let gone = store.fileProblem() {
            process([.storeGone(gone)])   // the dispatcher thread notices on its own and stops sending
            return
        }
        do {
            try checkReplication()
            let v = try store.dataVersion()
            if !state.live.lastPollOK { dirty = true }
            state.live.lastPollOK = true
            if v != state.live.dataVersion {
                if Date().timeIntervalSince(lastOutsideRefresh) < Self.coalesceSeconds {
                    refreshPending = true
                } else {
                    refreshPending = false
                    lastOutsideRefresh = Date()
                    trace?.changeSeen()
                    process([.externalChange(dataVersion: v, at: ChinaTime.now())])
                }
            }
            pollDispatcher()
        } catch {
            if state.live.lastPollOK { dirty = true }
            state.live.lastPollOK = false
        }
    }

    /// Applies events, runs the effects they ask for, feeds the results back, until nothing is left.
    func process(_ events: [Event], extra: [Effect] = []) {
        dirty = true
        var queue = events
        var effects = extra
        var guardCount = 0
        while (!queue.isEmpty || !effects.isEmpty) && guardCount < 100 {
            guardCount += 1
            let now = ChinaTime.now()
            for e in queue { effects += Update.apply(&state, e, now: now) }
            queue = []
            for eff in effects { queue += runner.run(eff, state: state, now: now) }
            effects = []
        }
    }
}
