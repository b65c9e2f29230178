// busops-https: the HTTPS relay. Reads framed POSTs on stdin (RelayFraming), sends each through URLSession,
// writes the framed result on stdout, and exits when stdin closes (its parent is gone). It exists so that
// FoundationNetworking, and libcurl behind it, load only when a call really goes out over TLS.

import Foundation
import StandardStreams
import TOP

signal(SIGPIPE, SIG_IGN)
if CommandLine.arguments.count > 1 {
    let usage = "usage: busops-https (started by busops for HTTPS calls; reads framed requests on stdin)\n"
    StandardStream.error.write(usage)
    exit(CommandLine.arguments[1] == "--help" ? 0 : 2)
}
let transport = URLSessionTransport()
do {
    while let frame = try RelayFraming.read(from: 0) {
        let result: TransportResult
        if let post = RelayMessage.post(frame) {
            result = transport.post(url: post.url, body: post.body, contentType: post.contentType, timeout: post.timeout)
        } else {
            result = .failed(.other("malformed relay request"))
        }
        try RelayFraming.write(RelayFraming.encode(RelayMessage.encode(result)), to: 1)
    }
} catch {
    exit(1)   // the stream is out of step or the parent went away: the parent starts a fresh relay
}
