import ArgumentParser

/// The output formats of `validate`.
enum ValidateFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case github
  case sarif
}
