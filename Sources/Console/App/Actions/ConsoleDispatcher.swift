import Foundation
import TOP

/// The outbox dispatcher the console runs on a thread of its own while it is open (not read-only, not
/// --no-dispatch). What keeps it from sending is shown once in the message line, never on stderr (the
/// terminal belongs to curses) and never with a secret in it.
final class ConsoleDispatcher {
    private let thread: DispatcherThread?
    private var shownProblem: String?

    /// Starts sending when TOP is configured. The message says why not otherwise, or nil when sending.
    static func start(storePath: String, env: [String: String]) -> (ConsoleDispatcher, message: String?) {
        let config: TopConfig
        do { config = try TopConfig.fromEnvironment(env) } catch {
            return (ConsoleDispatcher(thread: nil), "outbox: not sending (\(error))")
        }
        if let missing = missingSetting(config) {
            return (ConsoleDispatcher(thread: nil), "outbox: not sending (\(missing) unset)")
        }
        return (ConsoleDispatcher(thread: DispatcherThread.start(storePath: storePath, config: config)), nil)
    }

    /// The first setting that keeps callbacks from being sent; the gateway first, since without it nothing is configured.
    static func missingSetting(_ c: TopConfig) -> String? {
        if c.gateway == nil { return "BUSOPS_TOP_GATEWAY" }
        if c.appKey == nil { return "BUSOPS_TOP_APP_KEY" }
        if c.secret == nil { return "BUSOPS_TOP_SECRET" }
        return nil
    }

    private init(thread: DispatcherThread?) { self.thread = thread }

    var isRunning: Bool { thread != nil }

    /// The gateway's health as the dispatcher thread last saw it (nil when not sending from here).
    var health: GatewayHealth? { thread?.gatewayHealth }

    /// A line for the message line when the dispatcher's trouble changed since last asked (a store error,
    /// a refusal, or sending again after one); nil when nothing new. Pauses show in the header instead.
    func statusChange() -> String? {
        guard let thread else { return nil }
        let problem = thread.lastProblem
        guard problem != shownProblem else { return nil }
        let before = shownProblem
        shownProblem = problem
        if let problem { return problem == "sending is paused" ? nil : "outbox: \(problem)" }
        return before == "sending is paused" ? nil : "outbox: sending again"
    }

    /// Waits for a call in flight to finish (bounded by the request timeout), so no claim is left behind on exit.
    func stop() { thread?.stop() }
}
