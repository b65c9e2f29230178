// The four bus callbacks by API name, with the form parameter that carries each one's business
// object. The outbox stores only the method and the object, so the sender looks the name up here.

public enum TopMethods {
    public static let paramNames: [String: String] = [
        "taobao.bus.agent.bookticket.confirm": "param_agent_confirm_book_r_q",
        "taobao.bus.agent.refund.confirm": "param_agent_confirm_return_and_refund_r_q",
        "taobao.bus.agent.multiple.refund.confirm": "param_agent_multiple_refund_r_q",
        "taobao.bus.item.notify": "param_top_item_change_notify_r_q",
    ]

    public static func paramName(for method: String) -> String? { paramNames[method] }
}
