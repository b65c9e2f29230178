import XCTest
@testable import Console
import Store

/// Keys into `Update` with every effect run by the real `EffectRunner` on a fixture's store, until nothing more is
/// asked: the console without its loop or terminal.
struct ConsoleDriver {
    let fx: ActionStoreFixture
    var s: AppState

    init(_ fx: ActionStoreFixture, readOnly: Bool = false) {
        self.fx = fx
        s = consoleState(readOnly: readOnly, now: fx.now)
    }

    mutating func settle(_ effects: [Effect]) {
        let runner = EffectRunner(store: fx.store, operatorName: "alice", source: "local", copy: { _ in })
        var queue = effects, steps = 0
        while !queue.isEmpty, steps < 100 {
            let e = queue.removeFirst(); steps += 1
            for event in runner.run(e, state: s, now: fx.now) { queue += Update.apply(&s, event, now: fx.now) }
        }
    }

    mutating func press(_ keys: KeyPress...) {
        for key in keys { settle(Update.apply(&s, .key(key), now: fx.now)) }
    }

    mutating func type(_ text: String) {
        for c in text { press(.char(c)) }
    }

    var screen: String { FrameRenderer.render(s, now: fx.now).text().joined(separator: "\n") }
}
