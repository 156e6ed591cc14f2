// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "kpisheet",
  products: [
    .executable(name: "kpisheet", targets: ["KPISheetCLI"]),
    .executable(name: "kpisheet-bench", targets: ["KPISheetBench"]),
    .library(name: "CellAddress", targets: ["CellAddress"]),
    .library(name: "XLSXReader", targets: ["XLSXReader"]),
    .library(name: "KPIModel", targets: ["KPIModel"]),
    .library(name: "KPIImport", targets: ["KPIImport"]),
    .library(name: "KPISheet", targets: ["KPISheet"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
  ],
  targets: [
    // C libraries, each behind a module map and a small shim header.
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

    // The flow: XLSXReader -> KPIImport -> KPIModel -> KPIReport -> XLSXWriter.
    .target(name: "CNumberParsing"),
    // A1 references and ranges, parsed and printed: the one A1 core, below reader and writer.
    .target(name: "CellAddress"),
    // pthreads without Foundation: the reader's parsing threads, the temporary-file registry.
    .target(name: "PThreads"),
    // The process's temporary files, removed on SIGINT/SIGTERM: below XLSXWriter and KPISheet.
    .target(name: "TemporaryFiles", dependencies: ["PThreads"]),
    .target(
      name: "XLSXReader",
      dependencies: ["CLibXML2", "CMinizip", "CNumberParsing", "PThreads", "CellAddress"]),
    .target(name: "KPIModel"),
    .target(
      name: "KPIImport",
      dependencies: [
        "XLSXReader", "KPIModel", "CellAddress", .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "TemporaryFiles", "CellAddress"]),
    .target(name: "KPIReport", dependencies: ["KPIModel", "XLSXWriter", "CellAddress"]),
    .target(
      name: "KPISheet",
      dependencies: [
        "XLSXReader", "KPIModel", "KPIImport", "KPIReport", "XLSXWriter", "TemporaryFiles",
        "CellAddress", .product(name: "Yams", package: "Yams"),
      ]),
    // The web page and its HTTP API: `kpisheet serve`.
    .target(
      name: "KPISheetServer",
      dependencies: [
        "KPISheet", "KPIModel", "XLSXReader", "TemporaryFiles",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]),
    .executableTarget(
      name: "KPISheetBench", dependencies: ["XLSXReader", "XLSXWriter", "CellAddress"]),
    .executableTarget(
      name: "KPISheetCLI",
      dependencies: [
        "KPISheet", "KPIModel", "XLSXReader", "TemporaryFiles", "KPISheetServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(
      name: "XLSXReaderTests", dependencies: ["XLSXReader", "CellAddress"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CellAddressTests", dependencies: ["CellAddress"]),
    .testTarget(name: "KPIModelTests", dependencies: ["KPIModel"]),
    .testTarget(name: "TemporaryFilesTests", dependencies: ["TemporaryFiles"]),
    .testTarget(name: "PThreadsTests", dependencies: ["PThreads"]),
    // Helpers shared by the tests that check written workbooks with openpyxl.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "XLSXWriterTests",
      dependencies: ["XLSXWriter", "TemporaryFiles", "TestSupport", "CellAddress"]),
    .testTarget(
      name: "KPIReportTests",
      dependencies: ["KPIReport", "KPIModel", "TestSupport", "XLSXWriter", "CellAddress"]),
    .testTarget(
      name: "KPISheetTests", dependencies: ["KPISheet", "KPIModel", "XLSXReader", "XLSXWriter"]),
    .testTarget(
      name: "KPIImportTests", dependencies: ["KPIImport", "XLSXReader", "KPIModel", "CellAddress"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "KPISheetServerTests",
      // KPISheetCLI: the API tests run the built `kpisheet serve` and compare with the CLI.
      dependencies: [
        "KPISheetServer", "KPIModel", "KPISheetCLI",
        .product(name: "Hummingbird", package: "hummingbird"),
      ]),
    .testTarget(
      name: "KPISheetCLITests", dependencies: ["KPISheetCLI", "XLSXReader"]),
  ],
  swiftLanguageModes: [.v6]
)
