import TOP

/// Walks an answer against the field rules of its table (docs/PROTOCOL.md (Qimen)): presence of every
/// `M` field, the JSON type of every field present, its format. Fields the rules do not name
/// are ignored: Fliggy tolerates extra fields and so does the self-test.
struct ShapeChecker {
    private(set) var tally: CheckTally

    init(code: String) { tally = CheckTally(code: code) }

    mutating func checkObject(_ value: JSON, rules: [FieldRule], at path: FieldPath) {
        for rule in rules {
            let child = path.member(rule.name)
            guard let found = value[rule.name] else {
                if let former = rule.formerly.first(where: { value[$0] != nil }) {
                    tally.fail(child.pattern, subject: child.concrete,
                               "missing (the answer has \(former); docs/PROTOCOL.md (Qimen) names it \(rule.name))")
                } else if rule.required {
                    tally.fail(child.pattern, subject: child.concrete, "missing")
                }
                continue
            }
            check(found, shape: rule.shape, at: child)
        }
    }

    mutating func check(_ value: JSON, shape: FieldShape, at path: FieldPath) {
        tally.pass(path.pattern, shape.expectation)
        switch shape {
        case .string(let format):
            guard let s = value.stringValue else { return wrongType("String", value, path) }
            if !format.accepts(s) { tally.fail(path.pattern, subject: path.concrete, "expected \(format.expectation), got \(JSONDescription.short(value))") }
        case .number(let format):
            guard value.doubleValue != nil else { return wrongType("Number", value, path) }
            guard let n = value.intValue, format.accepts(n) else {
                return tally.fail(path.pattern, subject: path.concrete, "expected \(format.expectation), got \(JSONDescription.short(value))")
            }
        case .boolean:
            guard value.boolValue != nil else { return wrongType("Boolean", value, path) }
        case .degreesAnyType:
            let degrees = value.doubleValue ?? value.stringValue.flatMap(Double.init)
            guard let degrees, degrees.isFinite, abs(degrees) <= 180 else {
                return tally.fail(path.pattern, subject: path.concrete, "expected degrees, got \(JSONDescription.describe(value))")
            }
        case .object(let rules):
            guard case .object = value else { return wrongType("object", value, path) }
            checkObject(value, rules: rules, at: path)
        case .array(let element):
            guard let items = value.arrayValue else { return wrongType("array", value, path) }
            for (i, item) in items.enumerated() { check(item, shape: element, at: path.index(i)) }
        }
    }

    private mutating func wrongType(_ expected: String, _ value: JSON, _ path: FieldPath) {
        tally.fail(path.pattern, subject: path.concrete, "expected \(expected), got \(JSONDescription.describe(value))")
    }
}
