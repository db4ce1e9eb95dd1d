import Dispatch
import Foundation

/// Reads, parses and validates the files of a `.budgets/` tree, in parallel.
///
/// Each file is parsed, checked and dropped on its own, keeping only the small model, so memory
/// stays flat however many files there are.
public struct BudgetTreeLoader: Sendable {
  public var limits: ReadLimits
  /// The folder that holds the budgets, relative to the repository root.
  public var root: String
  /// Whether to work out each file's meaning digest; a reader that never checks approvals
  /// (a diff) saves a third of the parsing time without it.
  public var computesDigests = true
  /// The day exceptions are judged on: today (UTC) unless said otherwise. One that expired
  /// before it is history, checked for its own form only.
  public var day: CalendarDay

  public init(limits: ReadLimits = .standard, root: String = ".budgets", day: CalendarDay = .today)
  {
    self.limits = limits
    self.root = root
    self.day = day
  }

  /// Parses and validates the files; `files` paths are relative to the repository root.
  public func load(_ files: [BudgetSourceFile]) -> BudgetTree {
    let sorted = classify(files)
    return assemble(parse(sorted.yaml), ignored: sorted.ignored, diagnostics: sorted.diagnostics)
  }

  /// Parses and validates `count` files, sorted by path, read a batch at a time by `read`
  /// (given a range of indexes), so only one batch's bytes are held at once: on a tree of
  /// thousands of files, what the files weigh besides their models.
  public func load(
    count: Int, batchSize: Int = 512, read: (Range<Int>) -> [BudgetSourceFile]
  ) -> BudgetTree {
    var parsed: [ParsedFile] = []
    var ignored: [IgnoredFile] = []
    var diagnostics: [Diagnostic] = []
    var yamlCount = 0
    // Each batch is parsed on other threads while the next one is read on this one.
    var parsing: BackgroundParse?
    for start in stride(from: 0, to: count, by: max(1, batchSize)) {
      let batch = sortOut(read(start..<min(start + max(1, batchSize), count)))
      ignored += batch.ignored
      diagnostics += batch.diagnostics
      let room = max(0, limits.maxFiles - yamlCount)
      yamlCount += batch.yaml.count
      parsed += parsing?.wait() ?? []
      parsing = BackgroundParse(Array(batch.yaml.prefix(room)), with: self)
    }
    parsed += parsing?.wait() ?? []
    if let tooMany = tooManyFiles(yamlCount) { diagnostics.append(tooMany) }
    return assemble(parsed, ignored: ignored, diagnostics: diagnostics)
  }

  /// Files sorted into YAML to parse, files ignored, and problems with the files themselves.
  public func classify(_ files: [BudgetSourceFile]) -> ClassifiedFiles {
    var sorted = sortOut(files)
    if let tooMany = tooManyFiles(sorted.yaml.count) {
      sorted.diagnostics.append(tooMany)
      sorted.yaml = Array(sorted.yaml.prefix(limits.maxFiles))
    }
    return sorted
  }

  /// The problem of a tree with more budget files than are read; nil within the limit.
  private func tooManyFiles(_ count: Int) -> Diagnostic? {
    guard count > limits.maxFiles else { return nil }
    return Diagnostic(
      .tooManyFiles, at: .start(of: root),
      "\(count) budget files; at most \(limits.maxFiles) are read")
  }

  /// `classify` without the limit on the number of files.
  private func sortOut(_ files: [BudgetSourceFile]) -> ClassifiedFiles {
    var ignored: [IgnoredFile] = []
    var diagnostics: [Diagnostic] = []
    var yamlFiles: [(path: String, bytes: [UInt8])] = []
    for file in files.sorted(by: { $0.path < $1.path }) {
      switch file.content {
      case .bytes(let bytes) where file.isYAML: yamlFiles.append((file.path, bytes))
      case .bytes: ignored.append(IgnoredFile(path: file.path, reason: "not a .yaml or .yml file"))
      case .symlink where file.isYAML:
        diagnostics.append(
          Diagnostic(
            .fileNotRegular, at: .start(of: file.path), "budget files may not be symbolic links",
            hint: "a link can point outside the repository; copy the file instead"))
      case .symlink:
        ignored.append(IgnoredFile(path: file.path, reason: "a symbolic link, not followed"))
      case .other(let what): ignored.append(IgnoredFile(path: file.path, reason: what))
      case .tooLarge(let size) where file.isYAML:
        diagnostics.append(
          Diagnostic(
            .fileTooLarge, at: .start(of: file.path),
            "the file is \(size) bytes; budget files may be at most \(limits.maxFileBytes) bytes",
            hint: "split it into several files"))
      case .tooLarge:
        ignored.append(IgnoredFile(path: file.path, reason: "not a .yaml or .yml file"))
      case .unreadable(let reason):
        diagnostics.append(
          Diagnostic(.fileEncoding, at: .start(of: file.path), "cannot be read: \(reason)"))
      }
    }
    return ClassifiedFiles(yaml: yamlFiles, ignored: ignored, diagnostics: diagnostics)
  }

  /// Builds the tree from files parsed one by one (perhaps earlier, and cached), and runs the
  /// checks across files.
  ///
  /// - Parameter budgetNames: every budget name of the whole tree, when `parsed` is only the part
  ///   of it the checks need (`CrossFileScope`), so hints name the same budgets.
  public func assemble(
    _ parsed: [ParsedFile], ignored: [IgnoredFile] = [], diagnostics: [Diagnostic] = [],
    budgetNames: Set<BudgetName>? = nil
  ) -> BudgetTree {
    let parsed = parsed.sorted { $0.path < $1.path }
    var tree = BudgetTree(ignored: ignored, diagnostics: diagnostics)
    tree.day = day
    for file in parsed {
      tree.paths.append(file.path)
      tree.diagnostics += file.diagnostics
      if let digest = file.digest { tree.digests[file.path] = digest }
      switch file.document {
      case .owners(let owners)?:
        if tree.owners == nil { tree.owners = owners }
      case .budget(let budget)?: tree.budgets.append(budget)
      case .exception(let exception)?: tree.exceptions.append(exception)
      case .approval(let approval)?: tree.approvals.append(approval)
      case .importMapping(let mapping)?: tree.imports.append(mapping)
      case nil: break
      }
    }
    tree.diagnostics += TreeValidator(root: root, day: day).validate(
      parsed.compactMap(\.document), kinds: parsed.compactMap(\.kind), budgetNames: budgetNames)
    tree.diagnostics = tree.diagnostics.sortedByLocation()
    return tree
  }

  /// From how many files `parse(_:)` spreads the work over all cores.
  public static let filesWorthThreads = 4

  /// One file read on its own: the document if it decodes, its digest if it is YAML, problems.
  public func parse(path: String, bytes: [UInt8]) -> ParsedFile {
    switch StrictYAMLReader(limits: limits).read(bytes, path: path) {
    case .failure(let failure):
      return ParsedFile(
        path: path, document: nil, kind: nil, digest: nil, diagnostics: failure.diagnostics)
    case .success(let value):
      let (document, diagnostics) = DocumentDecoder().decode(value, path: path)
      let kind = document.map { (kind: $0.kind, location: value.location) }
      var signedBytes: [UInt8]?
      if case .approval? = document { signedBytes = ApprovalMessage.message(of: value) }
      return ParsedFile(
        path: path, document: document, kind: kind.map { .init($0.kind, at: $0.location) },
        digest: computesDigests ? MeaningDigest.digest(of: value) : nil, diagnostics: diagnostics,
        signedBytes: signedBytes)
    }
  }

  /// Parses files on all cores, each on its own; the results keep the order of `files`. A
  /// few files (fewer than `filesWorthThreads`) are parsed on the calling thread: handing them
  /// to other threads costs more than it saves.
  public func parse(_ files: [(path: String, bytes: [UInt8])]) -> [ParsedFile] {
    if files.count < Self.filesWorthThreads {
      return files.map { parse(path: $0.path, bytes: $0.bytes) }
    }
    let slots = ResultSlots<ParsedFile>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots[index] = parse(path: files[index].path, bytes: files[index].bytes)
    }
    return slots.values
  }
}

/// The outcome of reading one file.
public struct ParsedFile: Sendable {
  public var path: String
  public var document: BudgetDocument?
  public var kind: Located<DocumentKind>?
  public var digest: String?
  public var diagnostics: [Diagnostic]
  /// For an Approval record, the bytes its signature covers (`ApprovalMessage`), worked out
  /// from the same parse, so a record is never read twice; nil for other files.
  public var signedBytes: [UInt8]?

  public init(
    path: String, document: BudgetDocument?, kind: Located<DocumentKind>?, digest: String?,
    diagnostics: [Diagnostic], signedBytes: [UInt8]? = nil
  ) {
    self.path = path
    self.document = document
    self.kind = kind
    self.digest = digest
    self.diagnostics = diagnostics
    self.signedBytes = signedBytes
  }

  /// Whether the file has an error of its own (warnings allowed), so its meaning is unknown.
  public var isBroken: Bool { document == nil || diagnostics.hasErrors }
}

/// Files sorted by what the loader does with them.
public struct ClassifiedFiles: Sendable {
  /// YAML files to parse, by path relative to the repository root, sorted by path.
  public var yaml: [(path: String, bytes: [UInt8])] = []
  public var ignored: [IgnoredFile] = []
  public var diagnostics: [Diagnostic] = []

  public init(
    yaml: [(path: String, bytes: [UInt8])] = [], ignored: [IgnoredFile] = [],
    diagnostics: [Diagnostic] = []
  ) {
    self.yaml = yaml
    self.ignored = ignored
    self.diagnostics = diagnostics
  }
}

/// Files being parsed on other threads (spread over the cores) while the caller goes on;
/// `wait` gives the results, in the order of the files.
public final class BackgroundParse: @unchecked Sendable {
  /// Written by the parsing task, read after `group.wait()`, which orders the two.
  private var results: [ParsedFile] = []
  private let group = DispatchGroup()

  public init(_ files: [(path: String, bytes: [UInt8])], with loader: BudgetTreeLoader) {
    guard !files.isEmpty else { return }
    DispatchQueue.global().async(group: group) { [self] in
      results = loader.parse(files)
    }
  }

  public func wait() -> [ParsedFile] {
    group.wait()
    return results
  }
}

/// Fixed slots written by index from concurrent iterations; each index is written once.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  subscript(index: Int) -> Value? {
    get { lock.withLock { storage[index] } }
    set { lock.withLock { storage[index] = newValue } }
  }

  var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
