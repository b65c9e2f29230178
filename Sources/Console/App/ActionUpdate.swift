/// Starting an operator action: open the form that collects its input (or say why it cannot start).
enum ActionUpdate {
    static func begin(_ state: inout AppState, _ action: Action, now: Int) -> [Effect] {
        state.message = StatusMessage(kind: .error, text: "this action is not available yet")
        return []
    }
}
