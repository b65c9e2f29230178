import Foundation

/// Termination requests from signals. A handler may only set a flag; the main loop (which wakes at least
/// every 50 ms) sees it, restores the terminal and exits cleanly.
enum SignalFlags {
    nonisolated(unsafe) static var received: Int32 = 0

    static func install() {
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig) { SignalFlags.received = $0 }
        }
        // A dropped SSH link closes the terminal under us: writes must fail, not kill the process mid-transaction.
        signal(SIGPIPE, SIG_IGN)
    }
}
