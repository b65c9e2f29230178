/// Every operator action busops has, in the order the CLI overview and the console's help list them.
public enum ActionUnits {
    public static let all: [ActionUnit] = [
        IssueTicketsAction.unit, IssueFailedAction.unit, ApproveRefundAction.unit, RejectRefundAction.unit,
        OfflineRefundAction.unit, MoneyRefundAction.unit, StopScheduleAction.unit, ChangeScheduleAction.unit,
        RetryCallbackAction.unit, SendingSwitchAction.unit, OrderNoteAction.unit,
    ]

    public static func named(_ id: String) -> ActionUnit? { all.first { $0.id == id } }
}
