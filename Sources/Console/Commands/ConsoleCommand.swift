import Store

enum ConsoleCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        Output.error("console not built yet")
        return 1
    }
}
