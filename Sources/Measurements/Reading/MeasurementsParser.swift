import BudgetKit

/// The formats a measurements file may be written in.
public enum MeasurementsFormat: String, Sendable, CaseIterable {
  case json
  case yaml
  case csv

  /// The format a file's name says (`.json`, `.yaml` or `.yml`, `.csv`), else the one its first
  /// bytes suggest: `{` for JSON, a header naming `budget` for CSV, YAML otherwise.
  public static func detect(path: String, bytes: [UInt8]) -> MeasurementsFormat {
    let lowered = path.lowercased()
    if lowered.hasSuffix(".json") { return .json }
    if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
    if lowered.hasSuffix(".csv") { return .csv }
    let start = bytes.prefix(4096).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    if start.first == UInt8(ascii: "{") { return .json }
    let firstLine = String(decoding: start.prefix { $0 != 0x0A }, as: UTF8.self)
    if firstLine.contains(","),
      firstLine.split(separator: ",").contains(where: { $0.trimmingPrefix(" ") == "budget" })
    {
      return .csv
    }
    return .yaml
  }
}

/// Reads a measurements file in any of its formats into `Measurements`, or every problem found
/// with `path:line:column`.
public struct MeasurementsParser: Sendable {
  /// The largest JSON or CSV file read; a million samples take about 8 MB.
  public var maxBytes: Int
  /// The largest YAML file read: YAML suits hand-written figures, not millions of samples.
  public var maxYAMLBytes: Int

  public init(maxBytes: Int = 256 << 20, maxYAMLBytes: Int = 8 << 20) {
    self.maxBytes = maxBytes
    self.maxYAMLBytes = maxYAMLBytes
  }

  public func parse(_ bytes: [UInt8], path: String, format: MeasurementsFormat? = nil)
    throws(MeasurementsError)
    -> Measurements
  {
    let format = format ?? MeasurementsFormat.detect(path: path, bytes: bytes)
    let limit = format == .yaml ? maxYAMLBytes : maxBytes
    guard bytes.count <= limit else {
      throw MeasurementsError(
        .start(of: path),
        "the file is \(bytes.count) bytes; \(format.rawValue.uppercased()) measurements may be at most \(limit) bytes",
        hint: format == .yaml ? "write many samples as JSON or CSV" : nil)
    }
    switch format {
    case .csv:
      return try CSVMeasurementsReader(path: path).read(bytes)
    case .json:
      let node = try JSONReader(path: path).read(bytes).get()
      return try MeasurementsDecoder(path: path).decode(node)
    case .yaml:
      return try MeasurementsDecoder(path: path).decode(try yamlNode(bytes, path: path))
    }
  }

  /// The YAML document through bursar's strict reader: no anchors, tags, duplicate keys or tabs.
  private func yamlNode(_ bytes: [UInt8], path: String) throws(MeasurementsError) -> MeasurementNode
  {
    let reader = StrictYAMLReader(limits: ReadLimits(maxFileBytes: maxYAMLBytes))
    switch reader.read(bytes, path: path) {
    case .success(let value):
      return MeasurementNode(value)
    case .failure(let failure):
      throw MeasurementsError(
        failure.diagnostics.map { diagnostic in
          guard diagnostic.rule != .yamlEmpty else {
            return MeasurementsProblem(
              diagnostic.location, "the file holds no measurements",
              hint: "start with `version: 1` and `kind: Measurements`")
          }
          return MeasurementsProblem(diagnostic.location, diagnostic.message, hint: diagnostic.hint)
        })
    }
  }
}
