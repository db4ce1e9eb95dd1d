import BudgetKit
import Foundation

/// Reads measurements written as CSV, one figure per row.
///
/// The header names the columns: `budget` and `metric`, then on each row exactly one of `value`
/// (a summary figure), `sample` (one raw sample) or `good` and `total` (one bucket of an SLI
/// series, with `bucket` giving its width and optionally `start` its time). `unit` applies to a
/// bare number in `value` or `sample`. Rows of one metric need not be adjacent.
struct CSVMeasurementsReader {
  let path: String

  enum Column: String, CaseIterable {
    case budget, metric, value, unit, sample, bucket, start, good, total

    /// The column's place in `allCases`, without building that array on every row.
    var ordinal: Int {
      switch self {
      case .budget: 0
      case .metric: 1
      case .value: 2
      case .unit: 3
      case .sample: 4
      case .bucket: 5
      case .start: 6
      case .good: 7
      case .total: 8
      }
    }
  }

  func read(_ bytes: [UInt8]) throws(MeasurementsError) -> Measurements {
    if let bad = RawTextChecks.firstInvalidUTF8Offset(bytes) {
      throw MeasurementsError(location(ofByte: bad, in: bytes), "the file is not valid UTF-8")
    }
    let result: Result<Measurements, MeasurementsError> = bytes.withUnsafeBufferPointer { buffer in
      do throws(MeasurementsError) {
        var table = try CSVTable(path: path, scanner: CSVScanner(bytes: buffer))
        return .success(Measurements(path: path, budgets: try table.readRows()))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
    bytes.withUnsafeBufferPointer { buffer in
      var position = TextPosition(path: path)
      return position.location(of: offset, in: buffer)
    }
  }
}
