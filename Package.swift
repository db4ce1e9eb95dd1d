// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "bursar",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "bursar", targets: ["bursar"]),
    .library(name: "BudgetKit", targets: ["BudgetKit"]),
    .library(name: "Measurements", targets: ["Measurements"]),
    .library(name: "GitKit", targets: ["GitKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CGit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),
    .target(name: "GitKit", dependencies: ["CGit2"], exclude: ["README.md"]),
    .target(
      name: "SSHSignatures",
      dependencies: [
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ],
      exclude: ["README.md"]
    ),
    .target(
      name: "BudgetKit",
      dependencies: [
        "SSHSignatures",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["README.md"]
    ),
    .target(name: "Measurements", dependencies: ["BudgetKit"], exclude: ["README.md"]),
    .target(
      name: "Ledger",
      dependencies: ["GitKit", "BudgetKit", .product(name: "Crypto", package: "swift-crypto")],
      exclude: ["README.md"]
    ),
    .target(
      name: "BursarCommands",
      dependencies: [
        "Ledger", "BudgetKit", "Measurements", "GitKit", "SSHSignatures",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["README.md"]
    ),
    .executableTarget(name: "bursar", dependencies: ["BursarCommands"]),
    .target(name: "TestSupport", dependencies: [], exclude: ["README.md"]),
    .target(name: "GitKitTestSupport", dependencies: ["GitKit"], exclude: ["README.md"]),
    .testTarget(
      name: "GitKitTests", dependencies: ["GitKit", "GitKitTestSupport", "TestSupport"]),
    .testTarget(name: "SSHSignaturesTests", dependencies: ["SSHSignatures", "TestSupport"]),
    .testTarget(name: "BudgetKitTests", dependencies: ["BudgetKit", "TestSupport"]),
    .testTarget(
      name: "MeasurementsTests", dependencies: ["Measurements", "BudgetKit", "TestSupport"]),
    .testTarget(
      name: "LedgerTests",
      dependencies: ["Ledger", "BudgetKit", "GitKit", "GitKitTestSupport", "TestSupport"]),
    .testTarget(
      name: "BursarCommandsTests", dependencies: ["BursarCommands", "BudgetKit", "Measurements"]),
    // The end-to-end tests run the `bursar` binary, so `swift test` builds it beside them.
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "bursar"]),
  ]
)
