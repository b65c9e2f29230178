import Foundation
import Store
import TOP
import Views

/// `busops due`: the due work the console's `:due` view shows, soonest first (issue 12), from the same query
/// (`Store.dueWork`). Text for people; `--json` one object a line with snake_case keys, sorted by `due_at`.
enum DueCommand {
    static let spec = CommandSpec(path: ["due"], usage: "--db PATH", summary:
        "Work due soonest first: tickets to issue, seat locks, refunds before their next fee tier, callbacks failing, stopped schedules not refunded. BUSOPS_TICKET_DEADLINE_MINUTES sets the ticketing deadline (default 30, never past departure).",
        options: [Commands.db, Commands.json])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        let store = try StorePaths.open(try StorePaths.required(args))
        let now = ChinaTime.now()
        let items = try store.dueWork(now: now, options: DueOptions.from(env: ProcessInfo.processInfo.environment))
        for item in items { Output.line(args.has("json") ? json(item, now: now) : text(item, now: now)) }
        return 0
    }

    static func json(_ i: DueItem, now: Int) -> String {
        JSON.object([("kind", .string(i.kind.rawValue)), ("id", .string(i.id)), ("route", .string(i.route)),
                     ("due_at", .string(ChinaTime.second(i.dueAt))), ("due_at_epoch", .int(Int64(i.dueAt))),
                     ("seconds_left", .int(Int64(i.secondsLeft(now: now)))), ("what", .string(i.what))]).compactText
    }

    static func text(_ i: DueItem, now: Int) -> String {
        "\(pad(i.kind.rawValue, 9))\(pad(i.id, 14))\(ChinaTime.minute(i.dueAt)) \(pad(DueText.left(i.secondsLeft(now: now)), 9))\(i.route)  \(i.what)"
    }

    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
}
