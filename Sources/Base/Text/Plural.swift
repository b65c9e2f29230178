/// English counts as the console and the CLI write them: "1 seat", "3 seats" (every noun busops counts takes -s).
public enum Plural {
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
