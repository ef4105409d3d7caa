// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "callprep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "callprep", targets: ["callprep"]),
        .library(name: "CallPrepKit", targets: ["CallPrepKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The system cmark-gfm (Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev).
        // Only Sources/CallPrepKit/Markdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The system libical (Debian's libical-dev), for iCalendar (RFC 5545).
        // Only Sources/CallPrepKit/Calendar imports it. No pkgConfig: its flags would also link
        // libicalss and libicalvcal, which callprep does not use and every start would load.
        .systemLibrary(
            name: "CLibical",
            providers: [.apt(["libical-dev"])]
        ),
        // The system Snowball stemmer (Debian's libstemmer-dev), for word forms.
        // Only Sources/CallPrepKit/Evidence imports it. Debian ships no pkg-config file for it.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "CallPrepKit",
            dependencies: [
                "CCmarkGFM",
                "CLibical",
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Realistic filled debriefs for tests, benchmarks, fuzzing and `generate-corpus`; not part of the library.
        .target(
            name: "CallPrepCorpus",
            dependencies: ["CallPrepKit"]
        ),
        .executableTarget(
            name: "callprep",
            dependencies: [
                "CallPrepKit",
                "CallPrepCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A fuzzing harness: libFuzzer's entry point under scripts/fuzz, a reproducer otherwise.
        .executableTarget(
            name: "callprep-fuzz",
            dependencies: ["CallPrepKit"]
        ),
        .testTarget(
            name: "CallPrepKitTests",
            dependencies: ["CallPrepKit", "CallPrepCorpus", "callprep", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)
