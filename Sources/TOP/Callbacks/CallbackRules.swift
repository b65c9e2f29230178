// Field rules more than one callback checks, each written once (PROTOCOL.md §1).

extension TopCallback {
    /// The error for a broken rule of wire field `field`.
    func fail(_ field: String, _ reason: String) -> CallbackValidationError {
        CallbackValidationError(field: field, reason: reason)
    }

    /// A required text field: TOP treats a blank value as absent.
    func require(_ value: String?, _ field: String, _ reason: String = "required") throws {
        if value?.isBlank ?? true { throw fail(field, reason) }
    }

    /// A `yyyy-MM-dd HH:mm:ss` time (GMT+8), when one is given.
    func checkTime(_ value: String?, _ field: String) throws {
        if let value, TopClock.parse(value) == nil { throw fail(field, "must be yyyy-MM-dd HH:mm:ss") }
    }

    /// refund_scene_official_reason_code, when given: 0 schedule stopped, 1 weather, 2 epidemic.
    func checkOfficialReasonCode(_ code: String?) throws {
        if let code, !["0", "1", "2"].contains(code) {
            throw fail("refund_scene_official_reason_code", "must be 0, 1 or 2")
        }
    }
}
