import Foundation

/// The `bursar` binary the end-to-end tests run: `BURSAR_BIN` when set (as `make test` sets
/// it), else the one this build made beside the test bundle, refused when it is missing or
/// older than the sources it is built from.
enum BursarBinary {
  /// The binary's path, or why there is none to test; found once per test run.
  static let located: Result<String, BursarBinaryProblem> = locate(
    environment: ProcessInfo.processInfo.environment, buildFolder: buildFolder.path,
    sources: BursarCLI.packageRoot + "/Sources")

  /// Finds the binary and checks that it is newer than every source file of the product.
  static func locate(environment: [String: String], buildFolder: String, sources: String)
    -> Result<String, BursarBinaryProblem>
  {
    let override = environment["BURSAR_BIN"].flatMap { $0.isEmpty ? nil : $0 }
    let path = override ?? buildFolder + "/bursar"
    let files = FileManager.default
    guard files.isExecutableFile(atPath: path),
      let built = try? files.attributesOfItem(atPath: path)[.modificationDate] as? Date
    else {
      return .failure(.missing(path: path, fromEnvironment: override != nil))
    }
    if let newest = newestSource(under: sources), newest.date > built {
      return .failure(
        .stale(path: path, source: newest.path, fromEnvironment: override != nil))
    }
    return .success(path)
  }

  /// The folder of the running test bundle, which is the build's bin path (`swift build
  /// --show-bin-path`) whatever the configuration or `--scratch-path`.
  static var buildFolder: URL {
    #if os(macOS)
      // There the runner is Xcode's `xctest`, which loads the bundle from the bin path.
      if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
        return bundle.bundleURL.deletingLastPathComponent()
      }
    #endif
    return Bundle.main.bundleURL
  }

  /// The most recently modified file the binary is compiled from: the sources of every module
  /// but TestSupport, which the binary does not contain.
  static func newestSource(under sources: String) -> (path: String, date: Date)? {
    let root = URL(fileURLWithPath: sources)
    let compiled: Set<String> = ["swift", "c", "h", "modulemap"]
    guard
      let walk = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.contentModificationDateKey])
    else { return nil }
    var newest: (path: String, date: Date)?
    for case let file as URL in walk {
      if file.lastPathComponent == "TestSupport" {
        walk.skipDescendants()
        continue
      }
      guard compiled.contains(file.pathExtension),
        let date = try? file.resourceValues(forKeys: [.contentModificationDateKey])
          .contentModificationDate
      else { continue }
      if newest.map({ date > $0.date }) ?? true { newest = (file.path, date) }
    }
    return newest
  }
}

/// Why the end-to-end tests have no `bursar` to run, with what to run about it.
enum BursarBinaryProblem: Error, CustomStringConvertible, Equatable {
  /// No executable at the path.
  case missing(path: String, fromEnvironment: Bool)
  /// The binary is older than a source file, so it would test code that is no longer there.
  case stale(path: String, source: String, fromEnvironment: Bool)

  var description: String {
    switch self {
    case .missing(let path, let fromEnvironment):
      return fromEnvironment
        ? "BURSAR_BIN names \(path), which is not an executable: build it, or unset BURSAR_BIN."
        : "There is no bursar at \(path): run `swift build` (or `make test`) before the tests."
    case .stale(let path, let source, let fromEnvironment):
      let fix =
        fromEnvironment
        ? "rebuild it (`swift build` with the same configuration and --scratch-path), or unset BURSAR_BIN"
        : "run `swift build` (or `make test`), which rebuilds it"
      return "\(path) is older than \(source), so it is not the code under test: \(fix)."
    }
  }
}
