import ArgumentParser

/// A name a command's `--format` takes: one word (`text`, `json`, `markdown`, `csv`…) that
/// argument parsing reads and help lists.
///
/// Every command's format enum conforms, so formats are parsed, listed in help and
/// `docs/cli.md`, and compared the same way everywhere; the word is the raw value. A new
/// format (the HTML report) is a new case of the command's enum and a `Renderer` for it.
protocol OutputFormat: RawRepresentable, ExpressibleByArgument, Hashable, Sendable
where RawValue == String {}

extension OutputFormat {
  /// The word as written after `--format`.
  var name: String { rawValue }
}
