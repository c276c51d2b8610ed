// swift-tools-version:6.0
// The package is the pipeline: each library target is one step, and the
// dependency graph below only points down (see docs/ARCHITECTURE.md).
//
// Linux only: publishing uses renameat2, watching uses inotify, and the
// build database beside the output folder records folders by device and
// inode (see the README).
import PackageDescription

let package = Package(
  name: "plansite",
  products: [
    .executable(name: "plansite", targets: ["plansite"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // The preview server (plansite serve): small, pure Swift, no SwiftNIO.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    // The build database (SQLite, from Debian's libsqlite3-dev).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // Report forms: XLSX is a zip of XML parts (ZIP through zlib, XML through
    // XMLCoder); CSV through SwiftCSV (see the README for why this one).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
  ],
  targets: [
    // The CommonMark reference library, from Debian's libcmark-dev.
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // Diagnostics, source locations, text helpers. Foundation only.
    .target(name: "SiteCore"),
    // Markdown to HTML through libcmark, in safe mode.
    .target(name: "Markup", dependencies: ["CCmark", "SiteCore"]),
    // The plan as validated values, and the rules that validate it. No I/O.
    .target(name: "PlanModel", dependencies: ["SiteCore"]),
    // Content/ -> documents -> draft plan (YAML front matter, Markdown bodies).
    .target(
      name: "ContentLoader",
      dependencies: ["SiteCore", "PlanModel", "Markup", .product(name: "Yams", package: "Yams")]
    ),
    // Plan + Templates/ -> pages and data files (bytes), no file writes.
    .target(
      name: "SiteRenderer",
      dependencies: [
        "SiteCore", "PlanModel", .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // The only code that writes the site: staging folder, atomic swap, lock.
    .target(name: "OutputWriter", dependencies: ["SiteCore"]),
    // What a build remembers for the next one, in SQLite beside the output folder.
    .target(
      name: "BuildStore", dependencies: ["SiteCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The orchestrator: inputs -> load -> validate -> render -> publish.
    .target(
      name: "SiteBuilder",
      dependencies: [
        "SiteCore", "PlanModel", "ContentLoader", "SiteRenderer", "OutputWriter", "BuildStore",
      ]
    ),
    // Report forms for offices: plan -> fill-in spreadsheet (XLSX, CSV), and a
    // filled one -> a checked draft report file.
    .target(
      name: "ReportForms",
      dependencies: [
        "SiteCore", "PlanModel", "ContentLoader", "Markup",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "XMLCoder", package: "XMLCoder"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]
    ),
    // A local HTTP server for previewing Site/ with live reload.
    .target(
      name: "PreviewServer",
      dependencies: ["SiteCore", .product(name: "FlyingFox", package: "FlyingFox")]
    ),
    // The command line: parses arguments, calls SiteBuilder, prints diagnostics.
    .executableTarget(
      name: "plansite",
      dependencies: [
        "SiteCore", "PlanModel", "SiteRenderer", "SiteBuilder", "PreviewServer", "ReportForms",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds allocate through jemalloc (Debian's libjemalloc-dev),
      // linked as a shared library so that it replaces malloc for the C
      // libraries too: clean builds are 7-10 % faster than with glibc's
      // malloc (docs/ARCHITECTURE.md). Debug builds keep glibc's, which the
      // allocation guard counts.
      linkerSettings: [.linkedLibrary("jemalloc", .when(configuration: .release))]
    ),

    // Helpers shared by the test targets.
    .target(name: "TestSupport", path: "Sources/TestSupport"),

    .testTarget(name: "SiteCoreTests", dependencies: ["SiteCore", "TestSupport"]),
    .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
    .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "SiteCore"]),
    .testTarget(
      name: "ContentLoaderTests",
      dependencies: [
        "ContentLoader", "PlanModel", "SiteCore", "TestSupport",
        .product(name: "Yams", package: "Yams"),
      ]),
    .testTarget(
      name: "SiteRendererTests",
      dependencies: ["SiteRenderer", "PlanModel", "SiteCore", "TestSupport"]),
    .testTarget(name: "OutputWriterTests", dependencies: ["OutputWriter", "SiteCore"]),
    .testTarget(name: "BuildStoreTests", dependencies: ["BuildStore", "SiteCore", "TestSupport"]),
    .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer"]),
    .testTarget(
      name: "ReportFormsTests",
      dependencies: [
        "ReportForms", "PlanModel", "ContentLoader", "Markup", "SiteCore", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "plansiteTests",
      dependencies: ["plansite", "SiteCore", "TestSupport"]
    ),
    .testTarget(
      name: "SiteBuilderTests",
      dependencies: [
        "SiteBuilder", "SiteCore", "PlanModel", "ContentLoader", "OutputWriter", "TestSupport",
      ],
      exclude: ["Fixtures", "Snapshots"]
    ),
  ]
)
