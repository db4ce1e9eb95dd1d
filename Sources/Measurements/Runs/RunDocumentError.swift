/// Why the bytes of a recorded run could not be read, with the file and the JSON path of the
/// value at fault (`$.budgets[0].figures[2].histogram`).
public struct RunDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Reason: Sendable, Equatable {
    /// Written by a newer bursar: its `format` is larger than this build reads.
    case futureFormat(Int)
    /// Not a run: not JSON, a missing or mistyped field, a value out of range.
    case malformed(String)
    /// The id the file holds is not the one its content gives: the file was changed.
    case idMismatch(stored: String, computed: String)
  }

  /// The file, as the store names it (`runs/ab/<commit>/<id>.json`).
  public var file: String
  /// The JSON path of the value at fault; `$` for the document as a whole.
  public var jsonPath: String
  public var reason: Reason

  public init(file: String, jsonPath: String = "$", reason: Reason) {
    self.file = file
    self.jsonPath = jsonPath
    self.reason = reason
  }

  public var description: String {
    switch reason {
    case .futureFormat(let found):
      return
        "\(file): \(jsonPath): the run is in format \(found), newer than format \(RecordedRun.format) this bursar reads; upgrade bursar to read it"
    case .malformed(let message):
      return "\(file): \(jsonPath): \(message)"
    case .idMismatch(let stored, let computed):
      return
        "\(file): \(jsonPath): the run's id is \(stored) but its content gives \(computed); it was changed after it was recorded"
    }
  }
}
