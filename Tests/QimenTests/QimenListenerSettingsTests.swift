import HTTP
import Qimen
import XCTest

/// `busops serve`'s listener limits from BUSOPS_SERVE_* (docs/HARDENING.md "Qimen listener").
final class QimenListenerSettingsTests: XCTestCase {
    func testDefaultsAreTheServersAndEachVariableSetsOneLimit() throws {
        let defaults = try QimenListenerSettings.fromEnvironment([:])
        XCTAssertEqual(defaults.headTimeout, 10)
        XCTAssertEqual(defaults.bodyTimeout, 10)
        XCTAssertEqual(defaults.idleTimeout, 30)
        XCTAssertEqual(defaults.maxConnections, 4096)
        XCTAssertEqual(defaults.maxConnectionsPerAddress, 128)
        XCTAssertEqual(defaults.exemptAddresses, ["127.0.0.1"])

        let set = try QimenListenerSettings.fromEnvironment([
            "BUSOPS_SERVE_HEAD_TIMEOUT": "2.5", "BUSOPS_SERVE_BODY_TIMEOUT": "4", "BUSOPS_SERVE_IDLE_TIMEOUT": " 60 ",
            "BUSOPS_SERVE_MAX_CONNECTIONS": "500", "BUSOPS_SERVE_MAX_CONNECTIONS_PER_ADDRESS": "0",
        ])
        XCTAssertEqual(set.headTimeout, 2.5)
        XCTAssertEqual(set.bodyTimeout, 4)
        XCTAssertEqual(set.idleTimeout, 60)
        XCTAssertEqual(set.maxConnections, 500)
        XCTAssertEqual(set.maxConnectionsPerAddress, 0)
        XCTAssertEqual(QimenListenerSettings.summary(set),
                       "head 2.5s, body 4s, idle 60s, \(set.effectiveMaxConnections) connections, no per-address cap")
    }

    func testNonsenseIsRefusedWithTheVariablesName() {
        for (name, value) in [("BUSOPS_SERVE_HEAD_TIMEOUT", "0"), ("BUSOPS_SERVE_BODY_TIMEOUT", "x"),
                              ("BUSOPS_SERVE_MAX_CONNECTIONS", "0"), ("BUSOPS_SERVE_MAX_CONNECTIONS_PER_ADDRESS", "-1")] {
            XCTAssertThrowsError(try QimenListenerSettings.fromEnvironment([name: value])) { error in
                XCTAssertTrue(String(describing: error).hasPrefix(name), "\(error)")
            }
        }
    }
}
