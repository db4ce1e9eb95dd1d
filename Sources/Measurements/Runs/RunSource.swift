/// Where a run's figures came from: the tool that wrote them, the format they were read in, and
/// the file as named when recording (`-` for standard input).
public struct RunSource: Sendable, Equatable {
  /// `bursar` for bursar's own measurements files; an importer's tool name otherwise.
  public var tool: String
  /// `json`, `yaml` or `csv` for bursar's own files; the tool's format otherwise.
  public var format: String
  public var file: String

  public init(tool: String, format: String, file: String) {
    self.tool = tool
    self.format = format
    self.file = file
  }
}
