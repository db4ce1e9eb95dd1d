import ArgumentParser

/// The output formats of `check`.
enum CheckFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case markdown
  case junit
}
