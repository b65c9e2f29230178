// How a signed call reaches the gateway. A protocol so tests and the benchmark use our own
// HTTP client on loopback while production goes over HTTPS through URLSession (in the relay child).

import Foundation

/// What came back from one POST: an HTTP answer of any status, or no answer at all.
public enum TransportResult: Equatable, Sendable {
    case answered(status: Int, body: [UInt8])
    case failed(TransportFailure)
}

public protocol TopTransport: Sendable {
    /// POSTs `body`; never throws: every failure is a `TransportFailure` for the retry policy.
    /// `timeout` bounds the whole exchange.
    func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult
}

/// Plain `http://` through our HTTPClient, HTTPS through the `busops-https` relay: the right one per call.
public final class GatewayTransport: TopTransport, @unchecked Sendable {
    private let plain = HTTPClientTransport()
    private let tls: HTTPSRelayTransport

    public init(relay: String = HTTPSRelayTransport.defaultExecutable) {
        tls = HTTPSRelayTransport(executable: relay)
    }

    public func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
        if url.scheme?.lowercased() == "http" {
            return plain.post(url: url, body: body, contentType: contentType, timeout: timeout)
        }
        // The relay starts on the first HTTPS call: a loopback-only setup never starts it.
        return tls.post(url: url, body: body, contentType: contentType, timeout: timeout)
    }
}

extension TransportFailure {
    /// Short words for the outbox row and the operator.
    public var summary: String {
        switch self {
        case .connectionRefused: return "connection refused"
        case .connectionReset: return "connection reset"
        case .timeout: return "timed out"
        case .other(let text): return text
        }
    }
}
