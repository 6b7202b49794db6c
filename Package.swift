// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "framsteg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "framsteg", targets: ["framsteg"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // ID tokens (JWS, JWKS). 5.7 rather than 5.8: 5.8 adds swift-extras-base64 and nothing we use.
        .package(url: "https://github.com/vapor/jwt-kit", .upToNextMinor(from: "5.7.1")),
    ],
    targets: [
        /// Pure domain: value types and rules, no I/O (Crypto only computes: HMAC for one-time codes).
        .target(name: "FramstegCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        /// Storage: migrations and repositories over SQLKit, one code path for SQLite and PostgreSQL.
        .target(
            name: "FramstegStore",
            dependencies: [
                "FramstegCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Instruments")]
        ),
        /// HTTP: routes, sessions, authorisation, templates.
        .target(
            name: "FramstegWeb",
            dependencies: [
                "FramstegCore",
                "FramstegStore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(
            name: "framsteg",
            dependencies: [
                "FramstegCore",
                "FramstegStore",
                "FramstegWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// Fresh SQLite and PostgreSQL stores for the test targets.
        .target(
            name: "FramstegTestSupport",
            dependencies: [
                "FramstegStore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Support"
        ),
        .testTarget(name: "FramstegCoreTests", dependencies: ["FramstegCore"]),
        .testTarget(
            name: "FramstegStoreTests",
            dependencies: ["FramstegCore", "FramstegStore", "FramstegTestSupport", .product(name: "SQLKit", package: "sql-kit")]
        ),
        .testTarget(
            name: "FramstegWebTests",
            dependencies: [
                "FramstegCore",
                "FramstegStore",
                "FramstegWeb",
                "FramstegTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The chart snapshots are read from the source tree (#filePath), not bundled.
            exclude: ["Snapshots"]
        ),
    ]
)
