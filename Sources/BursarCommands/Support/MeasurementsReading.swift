import Measurements

/// Reads a measurements file the one way every command does (`check`, `record`): its bytes
/// within the size limit, its format from its name or first bytes, every problem on standard
/// error and exit 2.
struct MeasurementsReading {
  /// The file as named on the command line, or `-` for standard input.
  var path: String
  /// What the command could not do, for the last line: `cannot check`, `cannot record`.
  var refusal: String

  /// The measurements, and the format they were read in.
  func read() throws -> (measurements: Measurements, format: MeasurementsFormat) {
    try parse(try MeasurementsInput(path: path).read())
  }

  /// The measurements in `bytes`, already read from `path`.
  func parse(_ bytes: [UInt8]) throws -> (measurements: Measurements, format: MeasurementsFormat) {
    let shownPath = path == "-" ? "<stdin>" : path
    let format = MeasurementsFormat.detect(path: shownPath, bytes: bytes)
    do throws(MeasurementsError) {
      return (try MeasurementsParser().parse(bytes, path: shownPath, format: format), format)
    } catch {
      // One problem is the error itself; several are listed, sorted by place, then counted.
      guard error.problems.count > 1 else { throw CommandFailure(error.description) }
      for problem in error.problems { Console.error(problem.description) }
      throw CommandFailure("\(refusal): \(error.problems.count) problems in \(path)")
    }
  }
}
