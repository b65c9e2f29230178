import Foundation
import Store

/// `busops demo`: create a demo store, or `--tick N` to make new orders as another process would.
enum DemoCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        if let tick = try args.int("tick", range: 1...100_000) {
            // --tick adds to an existing store: the options that shape a new one would be silently ignored.
            if let ignored = ["orders", "seed"].first(where: { args.value($0) != nil }) ?? (args.has("force") ? "force" : nil) {
                throw UsageError(message: "--tick N adds N orders to an existing store; --\(ignored) is only for creating one")
            }
            let store = try StorePaths.open(path)
            let ids = try DemoTicker.tick(store: store, newOrders: tick, now: ChinaTime.now())
            for id in ids { Output.line(id) }
            return 0
        }
        let orders = try args.int("orders", range: 0...5_000_000) ?? 2000
        guard let seed = UInt64(args.value("seed") ?? "1") else {
            throw UsageError(message: "--seed expects a whole number, got '\(args.value("seed")!)'")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let started = Date()
        do {
            try DemoGenerator.create(path: path, options: .init(orders: orders, seed: seed), force: args.has("force"))
        } catch let e as StoreError {
            throw CommandFailure(message: e.message)
        }
        let seconds = Date().timeIntervalSince(started)
        Output.note("demo store \(path): \(orders) orders in \(String(format: "%.1f", seconds)) s\n")
        return 0
    }
}
