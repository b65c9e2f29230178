import Foundation
import Store
import Views

/// The main loop's share of operator actions: the dispatcher thread's lifetime and status, and progress
/// of long actions drawn while they run (the loop itself is blocked in the action meanwhile).
extension ConsoleApp {
    /// Called once the terminal is up; a configuration problem becomes the first message, not a crash.
    /// Why nothing is sent (a setting unset) stays on the status line with the gateway's health, not in a message
    /// the next key press clears (issue 12).
    func startDispatcher(env: [String: String]) {
        var status = GatewayStatus(badge: GatewayStatus.badge(env: env))
        if options.dispatch {
            let (d, note) = ConsoleDispatcher.start(storePath: state.session.storePath, env: env)
            dispatcher = d
            // "not configured" first: the status line at 80 columns has room for little more.
            status.notSending = note.map { n in
                n.contains("BUSOPS_TOP_GATEWAY unset") ? "not configured"
                    : "not configured: " + n.replacingOccurrences(of: "outbox: not sending ", with: "")
            }
            runner.progress.handler = { [weak self] done, total in self?.drawProgress(done, total) }
        } else {
            status.notSending = state.session.readOnly ? "not sending (read-only)" : "not sending from this console"
        }
        process([.gatewayChecked(status)])
    }

    func drawProgress(_ done: Int, _ total: Int) {
        state.message = StatusMessage(kind: .info, text: "working… \(done)/\(total)")
        terminal.draw(FrameRenderer.render(state, now: ChinaTime.now()))
    }

    /// Polled with the store: a new dispatcher problem (or its end) goes to the message line once.
    func pollDispatcher() {
        if let health = dispatcher?.health, health != state.live.gateway.health {
            var status = state.live.gateway
            status.health = health
            process([.gatewayChecked(status)])
        }
        guard let text = dispatcher?.statusChange() else { return }
        state.message = StatusMessage(kind: .info, text: text)
        dirty = true
    }
}
