// The four bus callbacks by API name, with the form parameter that carries each one's business
// object. The outbox stores only the method and the object, so the sender looks the name up here;
// each callback type says its own names.

public enum TopMethods {
    public static let callbacks: [any TopCallback.Type] = [
        BookTicketConfirm.self, RefundConfirm.self, MultipleRefundConfirm.self, ItemNotify.self,
    ]

    public static let paramNames: [String: String] = Dictionary(uniqueKeysWithValues: callbacks.map { ($0.method, $0.paramName) })

    public static func paramName(for method: String) -> String? { paramNames[method] }
}
