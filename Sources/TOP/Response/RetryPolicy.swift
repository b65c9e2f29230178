// docs/PROTOCOL.md "Retry or not" as code. Every row of that table has a test.

public struct RetryPolicy: Sendable {
    /// `result_code`s of an `is_success:false` answer that mean the work was already done
    /// (a retry after a lost response); they count as success. Inferred, hence configurable.
    public var alreadyDoneCodes: Set<String>

    public static let defaultAlreadyDoneCodes: Set<String> = [
        "REFUND_ALREADY_DEAL_DONE", "REFUND_ALREADY_DONE", "ALREADY_REFUNDED", "ORDER_ALREADY_ISSUED",
        "TICKET_ALREADY_ISSUED", "DUPLICATE_REQUEST", "REPEAT_REQUEST",
    ]

    /// Gateway codes where the call itself is wrong (signature, session, app key, timestamp,
    /// parameters): sending the same again cannot help.
    public static let deadLetterCodes: Set<Int> =
        [9, 11, 12, 13, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 40, 41, 42, 43, 47]

    public init(alreadyDoneCodes: Set<String> = RetryPolicy.defaultAlreadyDoneCodes) {
        self.alreadyDoneCodes = alreadyDoneCodes
    }

    public func disposition(for outcome: TopOutcome) -> Disposition {
        switch outcome {
        case .accepted:
            return .done
        case let .refused(code, message):
            if let code, alreadyDoneCodes.contains(code) { return .done }
            return .deadLetter(reason: "Fliggy refused: \(code ?? "no result_code")" + (message.map { " \($0)" } ?? ""))
        case let .platformError(code, msg, subCode, subMsg):
            let sub = subCode ?? ""
            let reason = "TOP error \(code) \(msg)" + (subCode.map { " (\($0)" + (subMsg.map { ": \($0)" } ?? "") + ")" } ?? "")
            if code == 7 { return .retry(afterSeconds: Self.banSeconds(msg) ?? subMsg.flatMap(Self.banSeconds)) }
            if code == 8 || code == 10 { return .retry(afterSeconds: nil) }
            if sub.hasPrefix("isp.") { return .retry(afterSeconds: nil) }
            if sub.hasPrefix("isv.") { return .deadLetter(reason: reason) }
            if Self.deadLetterCodes.contains(code) { return .deadLetter(reason: reason) }
            // 15 / 50 without a sub code: a remote-side failure is the likelier reading.
            if code == 15 || code == 50 { return .retry(afterSeconds: nil) }
            return .deadLetter(reason: "unrecognised " + reason)
        }
    }

    /// Every transport failure may be passing (refused while the gateway restarts, reset, timeout).
    /// The same idempotency key makes a repeat safe; the dispatcher caps the attempts.
    public func disposition(for failure: TransportFailure) -> Disposition {
        .retry(afterSeconds: nil)
    }

    /// Decides from an HTTP answer: status first (5xx and 429 are passing), then the body.
    /// A body that cannot be read is retried: a proxy or a half-written answer is the likely cause.
    public func classify(status: Int, body: [UInt8], method: String?) -> (outcome: TopOutcome?, disposition: Disposition) {
        if status >= 500 || status == 429 { return (nil, .retry(afterSeconds: nil)) }
        guard let outcome = try? TopResponse.parse(body, method: method) else {
            if (200..<300).contains(status) { return (nil, .retry(afterSeconds: nil)) }
            return (nil, .deadLetter(reason: "HTTP \(status) without a TOP answer"))
        }
        return (outcome, disposition(for: outcome))
    }

    /// The wait in "This ban will last for 5 more seconds": the number before "second".
    static func banSeconds(_ text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        for (i, word) in words.enumerated() where i + 1 < words.count {
            let next = words[i + 1].lowercased()
            let unit = i + 2 < words.count && next == "more" ? words[i + 2].lowercased() : next
            if unit.hasPrefix("second"), let n = Int(word), n >= 0 { return n }
        }
        return nil
    }
}
