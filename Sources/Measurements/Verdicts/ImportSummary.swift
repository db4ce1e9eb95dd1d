/// What a check of a tool's output says about the import itself: the tool, the mappings that
/// turned its figures into measurements, and the figures no mapping named.
public struct ImportSummary: Sendable {
  public var tool: ImportTool
  /// The mappings applied, by path from the repository root.
  public var mappings: [String]
  /// The tool's figures no entry of the mappings selects: listed, never dropped.
  public var unmapped: [ToolFigure]

  public init(tool: ImportTool, mappings: [String], unmapped: [ToolFigure]) {
    self.tool = tool
    self.mappings = mappings
    self.unmapped = unmapped
  }
}
