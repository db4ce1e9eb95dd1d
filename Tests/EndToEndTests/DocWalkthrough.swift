import Foundation

/// The steps a document asks a reader to take, in order: commands from its ```console blocks
/// (`$ COMMAND`, then the output shown for it) and files from blocks whose first line is a
/// comment naming the file (`# .budgets/models/fraud-detector.yaml`).
struct DocWalkthrough {
  /// One thing the reader does.
  enum Step {
    /// A command, and the lines the document shows it printing (empty when it shows none).
    case command(String, shown: [String], line: Int)
    /// A file written with the block's contents, comment line included, as a reader pastes it.
    case file(path: String, contents: String, line: Int)
  }

  var steps: [Step] = []
  /// The places of blocks outside ```console that show a `bursar` command: the test could not
  /// run them.
  var commandsOutsideConsole: [Int] = []

  init(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < lines.count {
      guard lines[index].hasPrefix("```") else {
        index += 1
        continue
      }
      let info = lines[index].dropFirst(3).trimmingCharacters(in: .whitespaces)
      let start = index + 1
      var end = start
      while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
      let body = Array(lines[start..<min(end, lines.count)])
      read(info: info, body: body, line: start + 1)
      index = end + 1
    }
  }

  /// The relative path a block's first line names, if it names one to write.
  static func filePath(_ first: String?) -> String? {
    guard let first, first.hasPrefix("# ") else { return nil }
    let path = String(first.dropFirst(2).prefix { $0 != " " })
    let writable = !path.hasPrefix("/") && !path.hasPrefix(".github/") && path != ".gitlab-ci.yml"
    return writable && path.contains(".") && !path.contains("..") ? path : nil
  }

  private mutating func read(info: String, body: [String], line: Int) {
    if info == "console" {
      for (offset, text) in body.enumerated() {
        if text.hasPrefix("$ ") {
          steps.append(.command(String(text.dropFirst(2)), shown: [], line: line + offset))
        } else if case .command(let command, var shown, let at)? = steps.last {
          shown.append(text)
          steps[steps.count - 1] = .command(command, shown: shown, line: at)
        }
      }
    } else if let path = Self.filePath(body.first) {
      steps.append(.file(path: path, contents: body.joined(separator: "\n") + "\n", line: line))
    } else if body.contains(where: {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("bursar ")
    }) {
      commandsOutsideConsole.append(line)
    }
  }
}
