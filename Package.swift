// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "selfeval",
    products: [
        .library(name: "SelfEval", targets: ["SelfEval"]),
        .library(name: "SelfEvalChecks", targets: ["SelfEvalChecks"]),
        .executable(name: "selfeval", targets: ["selfeval"]),
        .executable(name: "selfeval-bench", targets: ["selfeval-bench"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "SelfEval", path: "Sources/SelfEval"),
        .target(name: "SelfEvalChecks", dependencies: ["SelfEval"], path: "Checks"),
        .executableTarget(name: "selfeval", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Sources/selfeval"),
        .executableTarget(name: "selfeval-bench", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Sources/selfeval-bench"),
        .testTarget(name: "SelfEvalTests", dependencies: ["SelfEval"], path: "Tests/SelfEvalTests"),
        .testTarget(name: "ChecksTests", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Tests/ChecksTests"),
        .testTarget(name: "CLITests", dependencies: ["SelfEval", "SelfEvalChecks", "selfeval", "selfeval-bench"], path: "Tests/CLITests"),
    ]
)
