import Foundation

/// Plain output helpers for the command-line side (the console draws through the terminal backend).
enum Output {
    static func line(_ s: String) {
        FileHandle.standardOutput.write((s + "\n").data(using: .utf8)!)
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(("busops: " + s + "\n").data(using: .utf8)!)
    }
}
