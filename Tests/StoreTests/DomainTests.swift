import XCTest
@testable import Store

final class DomainTests: XCTestCase {
    func testOrderStatusCodesAreTheSeedCodes() {
        XCTAssertEqual(OrderStatus.allCases.map(\.rawValue), [1, 2, 3, 4, 5, 9, 11])
        XCTAssertEqual(OrderStatus.awaitingPayment.chinese, "等待付款")
        XCTAssertEqual(OrderStatus.refunding.chinese, "退票中")
        XCTAssertEqual(OrderStatus.refunded.english, "refunded")
    }

    func testTicketStatusCodesAreTheSeedCodes() {
        XCTAssertEqual(Set(TicketStatus.allCases.map(\.rawValue)), [-1, 1, 2, 3, 4, 5, 6])
        XCTAssertEqual(TicketStatus.noTicket.chinese, "无票")
        XCTAssertEqual(TicketStatus.refundFailed.chinese, "退票失败")
        XCTAssertEqual(TicketStatus.unknown.rawValue, -1)
    }

    func testGeofenceAcceptsSimplePolygonsInEitherOrder() throws {
        let square = [Coordinate(longitude: 120, latitude: 30), Coordinate(longitude: 120.01, latitude: 30),
                      Coordinate(longitude: 120.01, latitude: 30.01), Coordinate(longitude: 120, latitude: 30.01)]
        XCTAssertNoThrow(try Geofence.validate(square))
        XCTAssertNoThrow(try Geofence.validate(square.reversed()))
        XCTAssertNoThrow(try Geofence.validate(Array(square.prefix(3))))
    }

    func testGeofenceRejectsTooFewPointsAndCrossingEdges() {
        let a = Coordinate(longitude: 120, latitude: 30), b = Coordinate(longitude: 120.01, latitude: 30)
        let c = Coordinate(longitude: 120.01, latitude: 30.01), d = Coordinate(longitude: 120, latitude: 30.01)
        XCTAssertThrowsError(try Geofence.validate([a, b])) { XCTAssertEqual($0 as? Geofence.Problem, .tooFewPoints(2)) }
        // A, C, B, D: the bow-tie the seed forbids (A then C crossing).
        XCTAssertThrowsError(try Geofence.validate([a, c, b, d])) {
            guard case .edgesCross? = $0 as? Geofence.Problem else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try Geofence.validate([a, b, Coordinate(longitude: 120.02, latitude: 30)])) // collinear
        XCTAssertThrowsError(try Geofence.validate([a, Coordinate(longitude: 200, latitude: 30), c]))
    }

    func testGeofenceRoundTripsThroughItsStoredForm() {
        let pts = [Coordinate(longitude: 121.47, latitude: 31.228), Coordinate(longitude: 121.481, latitude: 31.229),
                   Coordinate(longitude: 121.474, latitude: 31.238)]
        XCTAssertEqual(Geofence.decode(Geofence.encode(pts)), pts)
    }

    func testResidentIDChecksum() {
        XCTAssertTrue(PersonalData.isValidResidentID("11010519491231002X"))
        XCTAssertTrue(PersonalData.isValidResidentID("11010519491231002x"))
        XCTAssertFalse(PersonalData.isValidResidentID("110105194912310021"))
        XCTAssertFalse(PersonalData.isValidResidentID("1101051949123100"))
        XCTAssertTrue(PersonalData.isValidPhone("13812345678"))
        XCTAssertFalse(PersonalData.isValidPhone("12812345678"))
        XCTAssertFalse(PersonalData.isValidPhone("1381234567"))
        XCTAssertTrue(PersonalData.isValidPassengerId("123"))
        XCTAssertFalse(PersonalData.isValidPassengerId("12a"))
    }

    func testRefundTiersFollowTheSeedExample() {
        let dep = fixedNow + 100 * 3600
        func q(_ hoursBefore: Double) -> RefundPolicy.Quote {
            RefundPolicy.quote(paidFen: 10000, rules: RefundPolicy.seedExample, departsAt: dep, now: dep - Int(hoursBefore * 3600))
        }
        XCTAssertNil(q(2).feePercent)
        XCTAssertEqual(q(4).feePercent, 25); XCTAssertEqual(q(4).feeFen, 2500)
        XCTAssertEqual(q(12).feeFen, 1000)
        XCTAssertEqual(q(30).feeFen, 500)
        XCTAssertEqual(q(72).feeFen, 0)
        XCTAssertEqual(q(4).secondsToNextTier, 3600)
        XCTAssertNil(q(-1).feePercent)
    }
}
