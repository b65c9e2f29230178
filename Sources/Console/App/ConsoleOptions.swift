/// How the console was opened: its command line over the console config (`busops console --theme --mouse
/// --no-dispatch`). Read once, when the console starts.
struct ConsoleOptions {
    var themeName: String
    var mouse: Bool
    /// Runs the outbox dispatcher while the console is open (false: a read-only store, or --no-dispatch).
    var dispatch: Bool
}
