import ArgumentParser

/// The output formats of `validate`.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case github
  case sarif
}
