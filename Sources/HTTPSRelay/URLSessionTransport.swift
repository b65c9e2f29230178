// HTTPS gateways (Fliggy production and sandbox) through Foundation's URLSession, inside the relay: TLS
// is the one thing we do not write ourselves. Blocking on purpose: the dispatcher is a plain thread.

import Foundation
import TOP
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class URLSessionTransport: TopTransport, @unchecked Sendable {
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
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
        // On Linux a refused certificate arrives as code -1 with libcurl's text ("SSL certificate problem: …").
        // Only such TLS texts are kept: other texts may carry the URL, and nothing else of the request belongs here.
        default:
            let text = (error as NSError).localizedDescription
            if text.hasPrefix("SSL") { return .other("TLS failure: \(text.prefix(120))") }
            return .other("URL error \(urlError.code.rawValue)")
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TransportResult?
    func set(_ v: TransportResult) { lock.withLock { value = v } }
    func get() -> TransportResult? { lock.withLock { value } }
}
