import Foundation
@testable import Qimen
import TOP
import XCTest
import TestFixtures

final class QimenConfigTests: XCTestCase {
    private func tempFile(_ text: String, mode: mode_t) throws -> String {
        let temp = TempDirectory("qimen-secret")
        let path = temp.file("secret")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        addTeardownBlock { _ = temp }
        return path
    }

    func testSecretsFromVariablesAndFiles() throws {
        let path = try tempFile("prodsecret\n", mode: 0o600)
        let config = try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_SECRET_FILE": path,
                                                      "BUSOPS_QIMEN_TEST_SECRET": "testsecret"])
        XCTAssertEqual(config.secrets[.production]?.revealForSigning(), "prodsecret")
        XCTAssertEqual(config.secrets[.test]?.revealForSigning(), "testsecret")
        XCTAssertEqual(config.orderedSecrets.map(\.0), [.production, .test])
        XCTAssertEqual(config.timestampWindow, 600)
        XCTAssertEqual(config.methods, .defaults)
        XCTAssertFalse("\(config)".contains("prodsecret"), "secrets print redacted")
        XCTAssertFalse("\(config)".contains("testsecret"))
    }

    func testGroupReadableSecretFileIsRefusedWithReason() throws {
        let path = try tempFile("prodsecret", mode: 0o644)
        XCTAssertThrowsError(try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_SECRET_FILE": path])) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("0644") && text.contains("0600"), text)
            XCTAssertFalse(text.contains("prodsecret"))
        }
    }

    func testBothVariableAndFileIsAnError() throws {
        let path = try tempFile("x", mode: 0o600)
        XCTAssertThrowsError(try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_TEST_SECRET": "a",
                                                               "BUSOPS_QIMEN_TEST_SECRET_FILE": path]))
    }

    func testMethodOverridesAndWindow() throws {
        let config = try QimenConfig.fromEnvironment([
            "BUSOPS_QIMEN_METHODS": "fromcity=qimen.alitrip.bus.product.querystation, createOrder=my.create",
            "BUSOPS_QIMEN_TIMESTAMP_WINDOW": "120",
        ])
        XCTAssertEqual(config.methods.interface(forMethod: "qimen.alitrip.bus.product.querystation"), .fromCity)
        XCTAssertEqual(config.methods.methodName(.createOrder), "my.create")
        XCTAssertNil(config.methods.interface(forMethod: "qimen.alitrip.custombus.order.create"))
        XCTAssertEqual(config.methods.methodName(.seats), "qimen.alitrip.custombus.product.seat.query")
        XCTAssertEqual(config.timestampWindow, 120)
    }

    func testMethodsFileWithComments() throws {
        let path = try tempFile("# scene names\nseat = a.seat\n\norder.cancel=a.cancel\n", mode: 0o644)
        let config = try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_METHODS_FILE": path])
        XCTAssertEqual(config.methods.interface(forMethod: "a.seat"), .seats)
        XCTAssertEqual(config.methods.interface(forMethod: "a.cancel"), .cancelOrder)
    }

    func testBadOverridesAreRefused() {
        for spec in ["nosuch=x", "seat", "seat=", "seat=same,tocity=same"] {
            XCTAssertThrowsError(try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_METHODS": spec]), spec)
        }
        XCTAssertThrowsError(try QimenConfig.fromEnvironment(["BUSOPS_QIMEN_TIMESTAMP_WINDOW": "-5"]))
    }

    func testDefaultTableMatchesProtocol() {
        let table = QimenMethodTable.defaults
        XCTAssertEqual(Set(QimenInterface.allCases.map { table.methodName($0) }).count, 12)
        XCTAssertEqual(table.methodName(.toCity), "qimen.alitrip.custombus.product.tocity.query")
        XCTAssertEqual(table.methodName(.issueTicket), "qimen.alitrip.custombus.order.confirm")
        XCTAssertEqual(table.methodName(.stoppedSchedules), "qimen.alitrip.custombus.offline.number.query")
        XCTAssertEqual(table.interface(forMethod: "qimen.alitrip.custombus.return.query"), .refundFee)
    }
}
