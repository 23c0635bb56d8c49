// swift-tools-version:6.0
import PackageDescription

/// With type-layout lowering (the default), copying or destroying an optional struct such as
/// `Field<ExactDecimal>?` or `Cell?` went through Optional's generic value witness and type
/// metadata: about 78,000 such calls, 3% of all instructions, on 250 forms. The classic lowering
/// copies them with direct retains and releases (callgrind on the 5-file sample:
/// 288.9 M → 280.0 M instructions, output unchanged).
let fastValueCopies: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-type-layout"])]

/// The executables carry the Swift runtime and Foundation inside them instead of loading them
/// as shared libraries: resolving those libraries' symbols took about 6 ms of every start
/// (one form: 13.4 ms -> 7.2 ms), and calls into the runtime (retain, release) go direct
/// instead of through the PLT (20,000 forms, one job: 2.71-2.85 s -> 2.54-2.64 s).
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticRuntimeImports: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

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
        .target(name: "SelfEval", path: "Sources/SelfEval", swiftSettings: fastValueCopies + staticRuntimeImports),
        .target(name: "SelfEvalChecks", dependencies: ["SelfEval"], path: "Checks", swiftSettings: fastValueCopies + staticRuntimeImports),
        .executableTarget(name: "selfeval", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Sources/selfeval", swiftSettings: staticRuntimeImports, linkerSettings: staticRuntime),
        .executableTarget(name: "selfeval-bench", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Sources/selfeval-bench", swiftSettings: staticRuntimeImports, linkerSettings: staticRuntime),
        .testTarget(name: "SelfEvalTests", dependencies: ["SelfEval"], path: "Tests/SelfEvalTests"),
        .testTarget(name: "ChecksTests", dependencies: ["SelfEval", "SelfEvalChecks"], path: "Tests/ChecksTests"),
        .testTarget(name: "CLITests", dependencies: ["SelfEval", "SelfEvalChecks", "selfeval", "selfeval-bench"], path: "Tests/CLITests"),
    ]
)
