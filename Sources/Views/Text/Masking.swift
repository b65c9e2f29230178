/// Personal data as lists show it by default: enough to recognise a caller, not enough to misuse.
/// The detail view reveals the full value only when the operator asks (and the console audits it).
public enum Masking {
    /// `13812345678` → `138****5678`. Short or odd values keep only their last two characters.
    public static func phone(_ phone: String) -> String {
        let c = Array(phone)
        if c.count >= 7 { return String(c.prefix(3)) + String(repeating: "*", count: c.count - 7) + String(c.suffix(4)) }
        return maskAllBut(c, keepLast: min(2, c.count / 2))
    }

    /// `33010619900307123X` → `3301**********123X`: region prefix and check tail stay for matching.
    public static func certificate(_ cert: String) -> String {
        let c = Array(cert)
        if c.count >= 10 { return String(c.prefix(4)) + String(repeating: "*", count: c.count - 8) + String(c.suffix(4)) }
        return maskAllBut(c, keepLast: min(2, c.count / 2))
    }

    /// `张三` → `张*`, `欧阳娜娜` → `欧阳**` (two-character compound surnames keep both), `Li Lei` → `L*****`.
    public static func name(_ name: String) -> String {
        let c = Array(name)
        guard c.count > 1 else { return name }
        let keep = c.count >= 3 && isCompoundSurname(String(c.prefix(2))) ? 2 : 1
        return String(c.prefix(keep)) + String(repeating: "*", count: c.count - keep)
    }

    /// A credential (the ticket password, 取票密码): all stars, at most eight, so a long one does not stretch a line.
    public static func secret(_ secret: String) -> String {
        String(repeating: "*", count: min(8, secret.count))
    }

    static func maskAllBut(_ c: [Character], keepLast: Int) -> String {
        String(repeating: "*", count: c.count - keepLast) + String(c.suffix(keepLast))
    }

    /// The common two-character surnames (复姓).
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
        "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "申屠",
    ]

    static func isCompoundSurname(_ s: String) -> Bool { compoundSurnames.contains(s) }
}
