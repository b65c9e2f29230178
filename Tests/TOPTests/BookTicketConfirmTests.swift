import XCTest
@testable import TOP

final class BookTicketConfirmTests: XCTestCase {
    private let full = BookTicketConfirm(
        agentOrderId: "BO1", busInnerOrderId: "3900000000007919", success: true, ticketCount: 2, totalPriceFen: 9000,
        fetchNumber: "F123", fetchPassword: "P456", fetchAddress: "杭州汽车南站", gate: "5号检票口",
        seatNumbers: ["3", "4"],
        passengers: [
            .init(ticketId: "T1", name: "张三", certType: .idCard, certNo: "110101199001011234", seatNo: "3"),
            .init(ticketId: "T2", name: "Li Si", certType: .passport, certNo: "E12345678", seatNo: "4"),
        ],
        schedule: .init(driverName: "王师傅", driverPhone: "13800000000", plateNumber: "浙A12345",
                        vehicleModel: "大巴", vehicleBrand: "宇通"),
        smsJSON: #"{"driverContactPhone":"13800000000"}"#)

    func testFullSuccessEncoding() throws {
        XCTAssertEqual(full.businessJSON().compactText,
                       #"{"agent_order_id":"BO1","bus_inner_order_id":"3900000000007919","success":true,"ticket_count":2,"total_price":9000,"#
                       + #""fetch_tickets_address":"杭州汽车南站","fetch_tickets_number":"F123","fetch_tickets_pwd":"P456","#
                       + #""ticket_wicket":"5号检票口","rider_seat_numbers":"3,4","message":"{\"driverContactPhone\":\"13800000000\"}","#
                       + #""passenger_info_list":["#
                       + #"{"agent_ticket_id":"T1","passenger_cert_type":"01","passenger_name":"张三","passenger_cert_no":"110101199001011234","seat_no":"3"},"#
                       + #"{"agent_ticket_id":"T2","passenger_cert_type":"02","passenger_name":"Li Si","passenger_cert_no":"E12345678","seat_no":"4"}],"#
                       + #""agent_confirm_book_schedule_info":{"driver_name":"王师傅","driver_phone":"13800000000","license_plate_number":"浙A12345","motorcycle_type":"大巴","vehicle_brands":"宇通"}}"#)
        XCTAssertNoThrow(try full.validate())
        XCTAssertEqual(full.method, "taobao.bus.agent.bookticket.confirm")
        XCTAssertEqual(full.paramName, "param_agent_confirm_book_r_q")
    }

    /// docs/PROTOCOL.md (TOP callbacks) decision: a failure is agent_order_id, bus_inner_order_id and success:false, nothing more.
    func testFailureSendsOnlyTheOrderIdsAndFalse() throws {
        var failed = full
        failed.success = false
        XCTAssertEqual(failed.businessJSON().compactText,
                       #"{"agent_order_id":"BO1","bus_inner_order_id":"3900000000007919","success":false}"#)
        XCTAssertNoThrow(try failed.validate())
        let bare = BookTicketConfirm(agentOrderId: "BO2", busInnerOrderId: "39", success: false, ticketCount: 0)
        XCTAssertEqual(bare.businessJSON().compactText, #"{"agent_order_id":"BO2","bus_inner_order_id":"39","success":false}"#)
        XCTAssertNoThrow(try bare.validate())
    }

    func testAnEmptyVehicleIsLeftOut() {
        var b = full
        b.schedule = .init()
        XCTAssertNil(b.businessJSON()["agent_confirm_book_schedule_info"])
    }

    func testValidation() {
        var b = full
        b.ticketCount = 3
        XCTAssertThrowsError(try b.validate()) { XCTAssertEqual(($0 as? CallbackValidationError)?.field, "ticket_count") }
        b = full
        b.smsJSON = "not json"
        XCTAssertThrowsError(try b.validate()) { XCTAssertEqual(($0 as? CallbackValidationError)?.field, "message") }
        b = full
        b.totalPriceFen = -1
        XCTAssertThrowsError(try b.validate()) { XCTAssertEqual(($0 as? CallbackValidationError)?.field, "total_price") }
        b = full
        b.busInnerOrderId = " "
        XCTAssertThrowsError(try b.validate()) { XCTAssertEqual(($0 as? CallbackValidationError)?.field, "bus_inner_order_id") }
        b.success = false
        XCTAssertThrowsError(try b.validate()) { XCTAssertEqual(($0 as? CallbackValidationError)?.field, "bus_inner_order_id") }
    }
}
