// `http://` gateways (fake-top on loopback, a local TLS-terminating proxy) through our own client.

import Foundation
import HTTP

public final class HTTPClientTransport: TopTransport, @unchecked Sendable {
    private let client: HTTPClient

    public init(connectTimeout: TimeInterval = 5) {
        client = HTTPClient(connectTimeout: connectTimeout)
    }

    public func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
        do {
            let response = try client.post(url: url.absoluteString, headers: ["Content-Type": contentType], body: body,
                                           timeout: timeout)
            return .answered(status: response.status, body: response.body)
        } catch let error as HTTPClientError {
            // A failed exchange may leave the kept-alive connection mid-response; never reuse it.
            client.close()
            return .failed(Self.failure(error))
        } catch {
            client.close()
            return .failed(.other(String(describing: error)))
        }
    }

    static func failure(_ error: HTTPClientError) -> TransportFailure {
        switch error {
        case .connectionRefused: return .connectionRefused
        case .connectionReset: return .connectionReset
        case .timeout: return .timeout
        case .malformedResponse: return .other("malformed HTTP response")
        case .other(let text): return .other(text)
        }
    }
}
