import Foundation
import TestSupport
import Testing

/// Runs the reference implementations (scipy, pandas, Fairlearn) on data a test wrote, so the
/// statistics can be compared against them. A missing library fails the test, naming
/// `make test-deps`, which installs them; it never skips.
enum PythonOracle {
  /// Fails unless python3 imports each module.
  static func require(_ modules: String...) throws {
    for module in modules {
      let result = try? runProcess("python3", ["-c", "import \(module)"], cwd: "/")
      try #require(
        result?.succeeded == true,
        "python3 cannot import \(module): `make test-deps` installs it. \(result?.stderrText ?? "python3 is missing")"
      )
    }
  }

  /// Writes `data` to a file, runs `script` with that file's path as its argument, and returns
  /// what it printed, one entry per line.
  static func run(_ script: String, data: String) throws -> [String] {
    let folder = try TemporaryDirectory(prefix: "bursar-oracle")
    let scriptPath = try folder.write(script, to: "oracle.py")
    let dataPath = try folder.write(data, to: "data.json")
    let result = try runSucceeding("python3", [scriptPath, dataPath], cwd: folder.path)
    return result.stdoutText.split(separator: "\n").map(String.init)
  }

  /// A JSON array of numbers, each written so that Python reads back the same double.
  static func json(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
  }

  /// True when `actual` is within `relative` of `expected` (or `absolute` of it, for figures
  /// near zero).
  static func close(_ actual: Double, _ expected: Double, relative: Double, absolute: Double)
    -> Bool
  {
    if actual == expected { return true }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
  }
}

extension SeededGenerator {
  /// A double uniform in [0, 1).
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal value (Box–Muller).
  mutating func normal() -> Double {
    let u = max(unit(), 0x1p-53)
    let v = unit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}
