/// Headless operator actions (same code path as the console's action keys). Without --yes each prints what it
/// would send and changes nothing.
enum ActionCommands {
    static let yes = OptionSpec("yes", nil, "do it; without --yes only show what would be sent (nothing changes)")
    static let common: [OptionSpec] = [Commands.db, yes]

    static let ticketIssue = CommandSpec(path: ["ticket", "issue"], usage: "ORDER --ticket-no X --ticket-pwd Y --gate G --yes",
        summary: "Issue the tickets of an order awaiting them (status 2) and queue bookticket.confirm (success true).",
        options: common + [OptionSpec("ticket-no", "X", "ticket number (取票号), 1–32 printable characters"),
                           OptionSpec("ticket-pwd", "Y", "ticket password (取票密码)"),
                           OptionSpec("gate", "G", "gate (检票口)"),
                           OptionSpec("seats", "S1,S2", "seat numbers, one per ticket"),
                           OptionSpec("plate", "PLATE", "vehicle plate"), OptionSpec("driver-name", "NAME", "driver name"),
                           OptionSpec("driver-phone", "PHONE", "driver mobile (11 digits)"),
                           OptionSpec("vehicle-model", "MODEL", "vehicle model"), OptionSpec("vehicle-brand", "BRAND", "vehicle brand")])
    static let ticketFail = CommandSpec(path: ["ticket", "fail"], usage: "ORDER --reason TEXT --yes",
        summary: "Report that issuing failed: tickets → 3, order closed (4), seats released, bookticket.confirm success false.",
        options: common + [OptionSpec("reason", "TEXT", "why no ticket could be issued")])
    static let refundApprove = CommandSpec(path: ["refund", "approve"], usage: "REFUND_ID [--fee FEN] --yes",
        summary: "Approve a pending refund; the fee defaults to the schedule's rule tier in force now. Queues refund.confirm status 1.",
        options: common + [OptionSpec("fee", "FEN", "the fee in fen (0 ≤ fee ≤ paid); needed when the tier forbids refunds")])
    static let refundReject = CommandSpec(path: ["refund", "reject"], usage: "REFUND_ID --code N --reason TEXT --yes",
        summary: "Reject a pending refund with a result code and reason. Queues refund.confirm status 2.",
        options: common + [OptionSpec("code", "N", "result code, digits (e.g. 1905)"), OptionSpec("reason", "TEXT", "why")])
    static let refundOffline = CommandSpec(path: ["refund", "offline"], usage: "ORDER --amount FEN --yes",
        summary: "Record a refund made at the station (whole order, or one ticket). Queues refund.confirm with mode offline.",
        options: common + [OptionSpec("amount", "FEN", "what the passenger got back, in fen"),
                           OptionSpec("ticket", "AGENT_TICKET_ID", "only this ticket"),
                           OptionSpec("cert", "CERT_NO", "only the ticket of this certificate number"),
                           OptionSpec("passenger", "PASSENGER_ID", "only the ticket of this passenger id")])
    static let refundMoney = CommandSpec(path: ["refund", "money"], usage: "ORDER --amount FEN --reason TEXT --yes",
        summary: "Give money back without changing tickets. Queues multiple.refund.confirm with a unique trans no.",
        options: common + [OptionSpec("amount", "FEN", "amount in fen, at most what is left to refund"), OptionSpec("reason", "TEXT", "why (required)")])
    static let scheduleStop = CommandSpec(path: ["schedule", "stop"], usage: "SCHEDULE_ID --reason-code N --yes",
        summary: "Stop a schedule (停运): refund every paid order on it in full (scene force), close unpaid ones, notify Fliggy.",
        options: common + [OptionSpec("reason-code", "N", "0 schedule stopped, 1 weather, 2 epidemic"),
                           OptionSpec("reason", "TEXT", "text shown to buyers (default: the reason code's name)")])
    static let scheduleChange = CommandSpec(path: ["schedule", "change"], usage: "SCHEDULE_ID [--price FEN] [--departs 'yyyy-MM-dd HH:mm'] --yes",
        summary: "Change a schedule's price or departure time and queue item.notify.",
        options: common + [OptionSpec("price", "FEN", "new ticket price in fen"), OptionSpec("departs", "TIME", "new departure, yyyy-MM-dd HH:mm (GMT+8)")])
    static let callbackRetry = CommandSpec(path: ["callback", "retry"], usage: "ID --yes",
        summary: "Re-fire a failed (dead-lettered) callback with the same key; attempts are kept.", options: common)
    static let sending = CommandSpec(path: ["sending"], usage: "pause|resume --yes",
        summary: "The kill switch: pause or resume all callback sending.", options: common)

    static let specs: [CommandSpec] = [ticketIssue, ticketFail, refundApprove, refundReject, refundOffline, refundMoney,
                                       scheduleStop, scheduleChange, callbackRetry, sending]
}
