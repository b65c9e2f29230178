import Foundation
import XCTest
@testable import TOP
import TestFixtures

final class TopConfigTests: XCTestCase {
    private var temp: TempDirectory!
    private var tempDir: URL { temp.url }

    override func setUpWithError() throws {
        temp = TempDirectory("topcfg")
    }

    override func tearDownWithError() throws {
        temp = nil
    }

    private func secretFile(_ content: String, mode: Int) throws -> String {
        let path = tempDir.appendingPathComponent("secret-\(mode)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(content.utf8))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func testEmptyEnvironmentIsValidButCannotSend() throws {
        let c = try TopConfig.fromEnvironment([:])
        XCTAssertNil(c.gateway)
        XCTAssertEqual(c.signMethod, .md5)
        XCTAssertNotNil(c.sendingBlocker)
        XCTAssertTrue(c.checkReport().contains { $0.hasPrefix("gateway: not set") })
    }

    func testPresetsAndURLs() throws {
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_GATEWAY": "production"]).gateway?.absoluteString,
                       "https://eco.taobao.com/router/rest")
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_GATEWAY": "sandbox"]).gateway?.absoluteString,
                       "https://gw.api.tbsandbox.com/router/rest")
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_GATEWAY": "http://127.0.0.1:8090/router/rest"])
            .gateway?.port, 8090)
        for bad in ["ftp://x/y", "not a url", "prod"] {
            XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_GATEWAY": bad]), bad)
        }
    }

    func testSignMethod() throws {
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_SIGN_METHOD": "hmac-sha256"]).signMethod, .hmacSHA256)
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_SIGN_METHOD": "HMAC"]).signMethod, .hmac)
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SIGN_METHOD": "sha1"])) { error in
            XCTAssertTrue("\(error)".contains("BUSOPS_TOP_SIGN_METHOD"))
            XCTAssertTrue("\(error)".contains("sha1"))
        }
    }

    func testSecretFileWithStrictModeIsReadAndTrimmed() throws {
        let path = try secretFile("s3cr3t-value\n", mode: 0o600)
        let c = try TopConfig.fromEnvironment(["BUSOPS_TOP_GATEWAY": "sandbox", "BUSOPS_TOP_APP_KEY": "123",
                                                "BUSOPS_TOP_SECRET_FILE": path])
        XCTAssertEqual(c.secret?.revealForSigning(), "s3cr3t-value")
        XCTAssertNil(c.sendingBlocker)
        let report = c.checkReport().joined(separator: "\n")
        XCTAssertTrue(report.contains("secret: set (from BUSOPS_TOP_SECRET_FILE \(path), 12 bytes)"), report)
        XCTAssertFalse(report.contains("s3cr3t"), report)
        XCTAssertEqual(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": try secretFile("x\r\n", mode: 0o400)])
            .secret?.revealForSigning(), "x")
    }

    func testSecretFileReadableByOthersIsRefusedWithNameAndMode() throws {
        let path = try secretFile("s3cr3t-value\n", mode: 0o644)
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": path])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(path), text)
            XCTAssertTrue(text.contains("0644"), text)
            XCTAssertFalse(text.contains("s3cr3t"), text)
        }
        let groupReadable = try secretFile("x", mode: 0o640)
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": groupReadable]))
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": tempDir.path + "/missing"]))
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": try secretFile("\n", mode: 0o600)]))
    }

    /// A directory named as the secret file (mode 0755, as directories are) used to be answered "has mode 0755;
    /// … (chmod 600 DIR)", advice that cannot help; it is named for what it is.
    func testSecretFileThatIsADirectoryIsNamedSoNotToldToChmod() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tempDir.path)
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET_FILE": tempDir.path])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("is not a regular file"), text)
            XCTAssertFalse(text.contains("chmod"), text)
        }
    }

    func testInlineSecretAndSessionNeverPrinted() throws {
        let c = try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET": "inline-secret", "BUSOPS_TOP_SESSION": "the-session"])
        var dumped = ""
        dump(c, to: &dumped)
        let texts = c.checkReport() + ["\(c.secret!)", String(reflecting: c.secret!), "\(c)", dumped]
        for text in texts {
            XCTAssertFalse(text.contains("inline-secret"), text)
            XCTAssertFalse(text.contains("the-session"), text)
        }
        XCTAssertEqual("\(c.secret!)", "<redacted>")
        XCTAssertTrue(c.checkReport().contains("secret: set (from BUSOPS_TOP_SECRET, 13 bytes)"))
        XCTAssertThrowsError(try TopConfig.fromEnvironment(["BUSOPS_TOP_SECRET": "a", "BUSOPS_TOP_SECRET_FILE": "/x"]))
    }
}
