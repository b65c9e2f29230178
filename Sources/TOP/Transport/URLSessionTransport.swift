// HTTPS gateways (Fliggy production and sandbox) through Foundation's URLSession: TLS is the
// one thing we do not write ourselves. Blocking on purpose: the dispatcher is a plain thread.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

public final class URLSessionTransport: TopTransport, @unchecked Sendable {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.set(.failed(Self.failure(error)))
            } else if let http = response as? HTTPURLResponse {
                box.set(.answered(status: http.statusCode, body: [UInt8](data ?? Data())))
            } else {
                box.set(.failed(.other("no HTTP response")))
            }
            done.signal()
        }
        task.resume()
        // URLSession's own timeout is per idle interval; this caps the whole exchange.
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .failed(.timeout)
        }
        return box.get() ?? .failed(.other("no result"))
    }

    static func failure(_ error: Error) -> TransportFailure {
        guard let urlError = error as? URLError else { return .other("transport error") }
        switch urlError.code {
        case .cannotConnectToHost: return .connectionRefused
        case .networkConnectionLost: return .connectionReset
        case .timedOut: return .timeout
        case .cannotFindHost, .dnsLookupFailed: return .other("cannot resolve the gateway host")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .other("TLS failure (\(urlError.code.rawValue))")
        // The code only: the error's text may carry the URL, and nothing else of the request belongs here.
        default: return .other("URL error \(urlError.code.rawValue)")
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TransportResult?
    func set(_ v: TransportResult) { lock.withLock { value = v } }
    func get() -> TransportResult? { lock.withLock { value } }
}
