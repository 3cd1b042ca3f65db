// swift-tools-version:6.1
import PackageDescription

/// The scanner makes millions of small, short-lived objects on both cores; mimalloc (Debian `libmimalloc-dev`)
/// serves them with about 8% less CPU than glibc's allocator (README, "Performance").
let mimalloc = LinkerSetting.linkedLibrary("mimalloc", .when(platforms: [.linux]))

let package = Package(
    name: "nhi-audit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nhi-audit", targets: ["nhi-audit"]),
        .library(name: "NHIAudit", targets: ["NHIAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "NHIAudit",
            dependencies: [
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "nhi-audit",
            dependencies: [
                "NHIAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [mimalloc]
        ),
        .executableTarget(
            name: "nhi-audit-bench",
            dependencies: ["NHIAudit", .product(name: "Yams", package: "Yams")],
            linkerSettings: [mimalloc]
        ),
        .executableTarget(
            name: "nhi-audit-fuzz",
            dependencies: ["NHIAudit"]
        ),
        .testTarget(
            name: "NHIAuditTests",
            dependencies: ["NHIAudit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
