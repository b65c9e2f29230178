import Store
import TOP

/// `refundStructuredInfo` (analogue 48217): the tiers as display text, a JSON string of `[{seq, key, value}]`,
/// nearest departure last as buyers read them ("发车前48小时以上" → "免费退票").
enum RefundRulesText {
    static func structured(_ rules: [RefundRule]) -> String {
        let ordered = rules.sorted { $0.hoursFrom > $1.hoursFrom }
        let items: [JSON] = ordered.enumerated().map { k, r in
            ["seq": .int(Int64(k + 1)), "key": .string(when(r)), "value": .string(what(r))]
        }
        return JSON.array(items).compactText
    }

    static func when(_ r: RefundRule) -> String {
        guard let to = r.hoursTo else { return "发车前\(r.hoursFrom)小时以上" }
        return r.hoursFrom == 0 ? "发车前\(to)小时内" : "发车前\(r.hoursFrom)至\(to)小时"
    }

    static func what(_ r: RefundRule) -> String {
        switch r.feePercent {
        case nil: return "不可退票"
        case 0?: return "免费退票"
        case let p?: return "收取票价\(p)%手续费"
        }
    }
}
