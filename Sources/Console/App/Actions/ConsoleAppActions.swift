import Foundation
import Store
import Views

/// The main loop's share of operator actions: the dispatcher thread's lifetime and status, and progress
/// of long actions drawn while they run (the loop itself is blocked in the action meanwhile).
extension ConsoleApp {
    /// Called once the terminal is up; a configuration problem becomes the first message, not a crash.
    func startDispatcher(env: [String: String]) {
        guard dispatch else { return }
        let (d, note) = ConsoleDispatcher.start(storePath: state.session.storePath, env: env)
        dispatcher = d
        if let note, state.message == nil { state.message = StatusMessage(kind: .info, text: note) }
        runner.progress.handler = { [weak self] done, total in self?.drawProgress(done, total) }
    }

    func drawProgress(_ done: Int, _ total: Int) {
        state.message = StatusMessage(kind: .info, text: "working… \(done)/\(total)")
        terminal.draw(FrameRenderer.render(state, now: ChinaTime.now()))
    }

    /// Polled with the store: a new dispatcher problem (or its end) goes to the message line once.
    func pollDispatcher() {
        guard let text = dispatcher?.statusChange() else { return }
        state.message = StatusMessage(kind: .info, text: text)
        dirty = true
    }
}
