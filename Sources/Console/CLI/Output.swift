import StandardStreams

/// Plain output helpers for the command-line side (the console draws through the terminal backend).
/// Both go through `StandardStream`, so a full disk or a closed pipe is counted, never a crash
/// (docs/HARDENING.md "Output that cannot be written").
enum Output {
    /// Set by the long-running services (`serve`, `dispatch`): their lost lines are counted and
    /// reported, and do not turn into exit 1 the way a command's lost result does.
    nonisolated(unsafe) static var isService = false

    static func line(_ s: String) {
        StandardStream.output.write(s + "\n")
    }

    static func error(_ s: String) {
        StandardStream.error.write("busops: " + s + "\n")
    }

    /// Text on standard error exactly as given (progress and start-up notes that carry their own prefix).
    static func note(_ s: String) {
        StandardStream.error.write(s)
    }

    /// True while nothing written to standard output has been lost: an action checks it after
    /// printing its preview and before committing, so a result nobody can read never follows
    /// a change nobody saw announced.
    static var outputIntact: Bool { StandardStream.output.lostCount == 0 }

    /// What a command's exit status becomes once its handler returned: a command whose result
    /// did not reach standard output failed (exit 1, one line on standard error), like GNU
    /// tools' close_stdout. Services only report their losses (see `lossSummary`).
    static func finish(_ status: Int32) -> Int32 {
        guard !isService, status == 0, let why = StandardStream.output.failure else { return status }
        error("cannot write to standard output: \(why)")
        return 1
    }

    /// "; lost 3 lines on standard error (No space left on device)" for a service's shutdown line, or "".
    static var lossSummary: String {
        let parts = [StandardStream.output.lossSummary, StandardStream.error.lossSummary].compactMap { $0 }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
    }
}
