import Foundation
import TestSupport
import Testing

/// `bursar log` says the same thing in every format: one word per kind, which `--kind`
/// accepts, `production` for the base metrics, and a table with a header and aligned columns.
@Suite struct LogVocabularyTests {
  typealias Files = HistoryFiles

  /// A budget, a loosening with a staging override, an exception, a file left invalid and
  /// fixed again: every kind of entry the log prints.
  static func history() throws -> TemporaryRepository {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "130ms", staging: "250ms"))
    try repository.commit(message: "Raise the cap\n\nBudget-Rationale: peak season")
    try repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: Files.exception(
        "EXC-1", budget: "fraud", max: "150ms", starts: "2026-11-20", expires: "2026-12-08"))
    try repository.commit(message: "Grant EXC-1")
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "130ms") + "x: [\n")
    try repository.commit(message: "Break")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "120ms"))
    try repository.commit(message: "Fix, tighter")
    return repository
  }

  static func entries(_ arguments: [String], _ repository: TemporaryRepository) throws
    -> [[String: Any]]
  {
    let object = try HistoryCLI.json(["log", "--format", "json"] + arguments, in: repository)
    return try #require(object["entries"] as? [[String: Any]])
  }

  /// The table's rows split at the header's column starts.
  static func table(_ repository: TemporaryRepository) throws -> (
    header: [String], rows: [[String]], lines: [String]
  ) {
    let lines = try HistoryCLI.run(["log"], in: repository).lines
    let header = try #require(lines.first)
    let titles = header.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    // Column titles are single words except `OLD → NEW`.
    var starts: [Int] = []
    let characters = Array(header)
    for index in characters.indices where characters[index] != " " {
      if index == 0 || (index >= 2 && characters[index - 1] == " " && characters[index - 2] == " ")
      {
        starts.append(index)
      }
    }
    let rows = lines.dropFirst().map { line -> [String] in
      let text = Array(line)
      return starts.enumerated().map { position, start in
        let end = position + 1 < starts.count ? starts[position + 1] : text.count
        guard start < text.count else { return "" }
        return String(text[start..<min(end, text.count)]).trimmingCharacters(in: .whitespaces)
      }
    }
    return (titles, rows, Array(lines))
  }

  @Test func everyKindPrintedIsAcceptedByKindAndListedInHelp() throws {
    let repository = try Self.history()
    let all = try Self.entries([], repository)
    let kinds = Set(all.compactMap { $0["kind"] as? String })
    #expect(kinds.isSuperset(of: ["loosen", "tighten", "added", "invalid"]), "\(kinds)")
    let (_, rows, _) = try Self.table(repository)
    let tableKinds = Set(rows.map { $0[3] })
    #expect(tableKinds == kinds, "table \(tableKinds), json \(kinds)")
    let help = try HistoryCLI.run(["log", "--help"], in: repository).stdoutText
    for kind in kinds {
      let filtered = try HistoryCLI.run(
        ["log", "--format", "json", "--kind", kind], in: repository)
      #expect(filtered.status == 0, "--kind \(kind): \(filtered.stderrText)")
      let count = all.filter { $0["kind"] as? String == kind }.count
      #expect(try Self.entries(["--kind", kind], repository).count == count, "\(kind)")
      #expect(help.contains(kind), "help does not list \(kind)")
    }
    let action = try HistoryCLI.run(["log", "--kind", "created"], in: repository)
    #expect(action.status == 2)
    #expect(action.stderrText.contains("added"), "\(action.stderrText)")
  }

  @Test func formatsShareOneVocabularyAndNameProduction() throws {
    let repository = try Self.history()
    let json = try Self.entries([], repository)
    let csv = try HistoryCLI.run(["log", "--format", "csv"], in: repository).lines
    let columns = csv[0].split(separator: ",").map(String.init)
    let csvRows = csv.dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let (titles, rows, _) = try Self.table(repository)
    #expect(titles.prefix(4) == ["DATE", "COMMIT", "AUTHOR", "KIND"], "\(titles)")
    let markdown = try HistoryCLI.run(["log", "--format", "markdown"], in: repository).lines
      .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| date") }
      .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    #expect(json.count == csvRows.count && json.count == rows.count && json.count == markdown.count)
    let kind = try #require(columns.firstIndex(of: "kind"))
    let environment = try #require(columns.firstIndex(of: "environment"))
    for (index, entry) in json.enumerated() {
      let word = try #require(entry["kind"] as? String)
      #expect(csvRows[index][kind] == word, "csv row \(index)")
      #expect(rows[index][3] == word, "table row \(index): \(rows[index])")
      #expect(
        markdown[index][3].replacingOccurrences(of: "*", with: "") == word, "markdown row \(index)")
      guard entry["budget"] is String, word != "invalid" else { continue }
      let place = try #require(entry["environment"] as? String, "entry \(index) has no environment")
      #expect(csvRows[index][environment] == place)
      #expect(rows[index][5] == place)
      #expect(markdown[index][5] == place)
    }
    #expect(json.contains { $0["environment"] as? String == "production" })
    #expect(json.contains { $0["environment"] as? String == "staging" })
    let exception = try #require(json.firstIndex { $0["category"] as? String == "exception" })
    #expect(json[exception]["kind"] as? String == "added")
    #expect(json[exception]["action"] as? String == "created")
    #expect(csvRows[exception][try #require(columns.firstIndex(of: "action"))] == "created")
  }

  @Test func theTableHasAHeaderAndAlignedColumns() throws {
    let repository = try Self.history()
    let (titles, _, lines) = try Self.table(repository)
    #expect(titles.contains("KIND") && titles.contains("BUDGET") && titles.contains("ENVIRONMENT"))
    #expect(titles.contains("RATIONALE"), "\(titles)")
    // Every column after the first starts where its title does, in every row: the cell before
    // it ends with two spaces (or is padded to it), whatever the length of `old → new`.
    let header = Array(lines[0])
    var starts: [Int] = []
    for index in header.indices.dropFirst(2)
    where header[index] != " " && header[index - 1] == " " && header[index - 2] == " " {
      starts.append(index)
    }
    #expect(starts.count >= 10, "\(lines[0])")
    for line in lines.dropFirst() {
      let text = Array(line)
      for start in starts where start < text.count {
        #expect(text[start - 1] == " " && text[start - 2] == " ", "\(line) at \(start)")
      }
    }
  }

  @Test func columnsAreMeasuredOnTheFirstHundredAndALongerCellLaterIsNotCut() throws {
    let repository = try Files.repository()
    let long = "a-budget-whose-name-is-longer-than-the-budget-column-allows"
    try repository.write(path: ".budgets/models/long.yaml", contents: Files.budget(long))
    try repository.commit(message: "Add a budget with a long name")
    var wide = "version: 1\nkind: Budget\nname: wide\nowner: ml-eng\nmetrics:\n"
    wide += "  latency_p95: { dimension: latency, max: 100ms }\nenvironments:\n"
    for index in 1...120 { wide += "  env\(index): { latency_p95: { max: \(100 + index)ms } }\n" }
    try repository.write(path: ".budgets/models/wide.yaml", contents: wide)
    try repository.commit(message: "Add a budget for many environments")
    let lines = try HistoryCLI.run(["log"], in: repository).lines
    let entries = try Self.entries([], repository)
    #expect(lines.count == entries.count + 1)
    #expect(lines[0].hasPrefix("DATE"))
    #expect(lines.filter { $0.hasPrefix("DATE") }.count == 1)
    // The long name is beyond the first hundred entries: printed whole, pushing its line.
    let longLines = lines.filter { $0.contains(long) }
    #expect(longLines.count == 2, "\(longLines)")
    let header = Array(lines[0])
    let budgetStart = try #require(
      header.indices.first { String(header[$0...]).hasPrefix("BUDGET") })
    let environmentStart = try #require(
      header.indices.first { String(header[$0...]).hasPrefix("ENVIRONMENT") })
    for line in lines.prefix(101).dropFirst() {
      let text = Array(line)
      #expect(text[budgetStart - 1] == " " && text[budgetStart] != " ", "\(line)")
      #expect(text[environmentStart - 1] == " " && text[environmentStart] != " ", "\(line)")
    }
    #expect(entries.count > 100)
  }
}
