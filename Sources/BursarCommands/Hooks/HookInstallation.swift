/// What `bursar hooks install` did to one hook, as remembered so `uninstall` can undo it.
enum HookInstallation: String, Sendable {
  /// There was no hook; bursar's was written.
  case new
  /// A foreign hook was kept as `HOOK.local`, and bursar's runs it first.
  case chained
  /// A foreign hook was set aside as `HOOK.bursar-replaced` (`--force`) and is not run.
  case replaced

  /// The name the foreign hook was moved to, if any.
  func keptName(for hook: String) -> String? {
    switch self {
    case .new: return nil
    case .chained: return hook + ".local"
    case .replaced: return hook + ".bursar-replaced"
    }
  }
}

/// The record of installed hooks kept in the hooks folder as `.bursar-hooks`, one
/// `HOOK INSTALLATION` line per hook.
struct HookManifest: Sendable {
  static let fileName = ".bursar-hooks"

  var entries: [String: HookInstallation] = [:]

  init() {}

  /// Reads the record's text; lines it does not understand are ignored.
  init(text: String) {
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count == 2, let kind = HookInstallation(rawValue: String(fields[1])) else {
        continue
      }
      entries[String(fields[0])] = kind
    }
  }

  var text: String {
    entries.keys.sorted().map { "\($0) \(entries[$0]!.rawValue)\n" }.joined()
  }
}
