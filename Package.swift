// swift-tools-version:6.0
// busops: no package dependencies by design (customer's fixed choice).
import PackageDescription

let package = Package(
    name: "busops",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "busops", targets: ["Console"]),
        // HTTPS for the TOP callbacks, in a child process so busops itself never loads
        // FoundationNetworking (see Sources/TOP/Transport/HTTPSRelayTransport.swift).
        .executable(name: "busops-https", targets: ["HTTPSRelay"]),
    ],
    targets: [
        // System libraries, found through pkg-config; apt names given for a fresh machine.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // What every module needs and nothing else: JSON, money text, GMT+8 time, padded digits, the background
        // worker (docs/ARCHITECTURE.md). No dependencies.
        .target(name: "Base", dependencies: []),
        // Every write to stdout/stderr goes through it: failures counted, never a crash (docs/HARDENING.md).
        .target(name: "StandardStreams", dependencies: []),
        .target(name: "Store", dependencies: ["Base", "CSQLite", "StandardStreams"]),
        .target(name: "Views", dependencies: ["Store"]),
        .target(name: "HTTP", dependencies: []),
        .target(name: "TOP", dependencies: ["Base", "Store", "HTTP", "StandardStreams"]),
        .target(name: "Operations", dependencies: ["Store", "TOP"]),
        .target(name: "Qimen", dependencies: ["Store", "TOP", "HTTP", "Operations"]),
        .executableTarget(name: "Console", dependencies: ["Store", "Views", "HTTP", "TOP", "Operations", "Qimen", "CNCurses", "StandardStreams"]),
        .executableTarget(name: "HTTPSRelay", dependencies: ["TOP", "StandardStreams"]),
        // The tests' one temp-directory + temp-store fixture (Tests/Fixtures): no TTY, no network.
        .target(name: "TestFixtures", dependencies: ["Store"], path: "Tests/Fixtures"),
        .testTarget(name: "BaseTests", dependencies: ["Base"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestFixtures"]),
        .testTarget(name: "StandardStreamsTests", dependencies: ["StandardStreams", "TestFixtures"]),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Store", "TestFixtures"], exclude: ["Golden"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestFixtures"]),
        .testTarget(name: "TOPTests", dependencies: ["TOP", "Store", "HTTP", "TestFixtures"]),
        .testTarget(name: "HTTPSRelayTests", dependencies: ["HTTPSRelay", "TOP", "TestFixtures"]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Store", "TOP", "TestFixtures"]),
        .testTarget(name: "QimenTests", dependencies: ["Qimen", "TOP", "Store", "HTTP", "TestFixtures"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Store", "Views", "TOP", "Operations", "Qimen", "HTTP",
                                                         "TestFixtures"]),
    ]
)
