import Foundation
import TestSupport
import Testing

/// The end-to-end tests run the binary the build made, and refuse one that is missing or older
/// than the sources.
@Suite("The binary under test")
struct BursarBinaryTests {
  /// A build folder holding `bursar` and a source tree, with the binary built at `built` and the
  /// newest product source modified at `edited` (seconds since 1970).
  struct Layout {
    let folder: TemporaryDirectory
    var build: String { folder.appending("bin") }
    var sources: String { folder.appending("Sources") }

    init(built: TimeInterval?, edited: TimeInterval, testSupportEdited: TimeInterval? = nil) throws
    {
      folder = try TemporaryDirectory(prefix: "bursar-binary")
      let files = FileManager.default
      try files.createDirectory(atPath: build, withIntermediateDirectories: true)
      for module in ["Ledger", "TestSupport"] {
        try files.createDirectory(
          atPath: sources + "/" + module, withIntermediateDirectories: true)
      }
      try touch(sources + "/Ledger/Old.swift", at: edited - 100)
      try touch(sources + "/Ledger/New.swift", at: edited)
      try touch(sources + "/Ledger/README.md", at: edited + 1_000)
      if let testSupportEdited {
        try touch(sources + "/TestSupport/T.swift", at: testSupportEdited)
      }
      if let built {
        try touch(build + "/bursar", at: built)
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: build + "/bursar")
      }
    }

    func touch(_ path: String, at seconds: TimeInterval) throws {
      try Data("x".utf8).write(to: URL(fileURLWithPath: path))
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    func locate(_ environment: [String: String] = [:]) -> Result<String, BursarBinaryProblem> {
      BursarBinary.locate(environment: environment, buildFolder: build, sources: sources)
    }
  }

  @Test("the binary beside the test bundle, built after the newest source, is the one run")
  func freshBinary() throws {
    let layout = try Layout(built: 2_000, edited: 1_000)
    #expect(try layout.locate().get() == layout.build + "/bursar")
  }

  @Test("BURSAR_BIN overrides the build folder, and an empty one does not")
  func override() throws {
    let layout = try Layout(built: 2_000, edited: 1_000)
    let other = try Layout(built: 2_000, edited: 1_000)
    let chosen = other.build + "/bursar"
    #expect(try layout.locate(["BURSAR_BIN": chosen]).get() == chosen)
    #expect(try layout.locate(["BURSAR_BIN": ""]).get() == layout.build + "/bursar")
  }

  @Test("a missing binary fails with what to run")
  func missing() throws {
    let layout = try Layout(built: nil, edited: 1_000)
    let path = layout.build + "/bursar"
    #expect(throws: BursarBinaryProblem.missing(path: path, fromEnvironment: false)) {
      try layout.locate().get()
    }
    let problem = BursarBinaryProblem.missing(path: path, fromEnvironment: false)
    #expect(problem.description.contains("run `swift build` (or `make test`)"))
    let named = BursarBinaryProblem.missing(path: "/x/bursar", fromEnvironment: true)
    #expect(named.description.contains("BURSAR_BIN names /x/bursar"))
  }

  @Test("a binary older than a product source fails and names the source")
  func stale() throws {
    let layout = try Layout(built: 1_000, edited: 2_000)
    let path = layout.build + "/bursar"
    let source = layout.sources + "/Ledger/New.swift"
    #expect(
      throws: BursarBinaryProblem.stale(path: path, source: source, fromEnvironment: false)
    ) { try layout.locate().get() }
    #expect(throws: BursarBinaryProblem.stale(path: path, source: source, fromEnvironment: true)) {
      try layout.locate(["BURSAR_BIN": path]).get()
    }
    let problem = BursarBinaryProblem.stale(path: path, source: source, fromEnvironment: false)
    #expect(problem.description.contains("is older than \(source)"))
    #expect(problem.description.contains("run `swift build`"))
  }

  @Test("TestSupport and files that are not compiled do not make the binary stale")
  func notCompiledIntoTheBinary() throws {
    let layout = try Layout(built: 2_000, edited: 1_000, testSupportEdited: 3_000)
    #expect(try layout.locate().get() == layout.build + "/bursar")
  }

  @Test("this run's binary is found and is fresh")
  func thisRun() throws {
    let binary = try BursarCLI.binary
    #expect(FileManager.default.isExecutableFile(atPath: binary))
  }
}
