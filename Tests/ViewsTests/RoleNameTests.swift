import XCTest
import Views

/// Theme files name roles; the names are spelled out (no reflection at start-up), so check them against
/// the case names and make sure every name finds its role again.
final class RoleNameTests: XCTestCase {
    func testEveryRoleNameIsItsCaseNameAndRoundTrips() {
        var seen = Set<String>()
        for role in Role.all {
            switch role {
            case .status, .ticketStatus: XCTAssertTrue(role.name.hasPrefix("status.") || role.name.hasPrefix("ticket."), role.name)
            default: XCTAssertEqual(role.name, String(describing: role))
            }
            XCTAssertTrue(seen.insert(role.name).inserted, "duplicate name \(role.name)")
            XCTAssertEqual(Role.named(role.name), role)
        }
    }
}
