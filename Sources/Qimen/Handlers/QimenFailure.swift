/// A refusal a handler raises on its own (validation, mismatched ids); answered as
/// `success:false` with this code and description.
struct QimenFailure: Error, Equatable {
    let code: QimenErrorCode
    let description: String

    init(_ code: QimenErrorCode, _ description: String) {
        self.code = code
        self.description = description
    }

    static func invalid(_ description: String) -> QimenFailure { QimenFailure(.paramInvalid, description) }
}
