import ArgumentParser

/// The output formats of `check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case markdown
  case junit
}
