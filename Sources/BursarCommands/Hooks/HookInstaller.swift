import Foundation
import Ledger

/// Installs bursar's hooks into a hooks folder and removes them again, keeping any hook that was
/// there before.
///
/// A foreign hook is never overwritten: it is kept as `HOOK.local` and bursar's hook runs it
/// first (or, with `force`, set aside as `HOOK.bursar-replaced`). Installing twice changes
/// nothing; uninstalling puts back what was there.
struct HookInstaller {
  let folder: HooksFolder
  private let files = FileManager.default

  init(folder: HooksFolder) {
    self.folder = folder
  }

  /// Installs `hooks` and returns one line per hook saying what was done.
  func install(_ hooks: [HookScript], force: Bool) throws(HookInstallError) -> [String] {
    try createFolder()
    var manifest = try readManifest()
    var report: [String] = []
    for hook in hooks {
      let path = folder.file(hook.name)
      let existing = try read(path)
      if let existing, HookScript.isBursars(existing) {
        report.append(existing == hook.text ? "\(hook.name): up to date" : "\(hook.name): updated")
        if existing != hook.text { try write(hook.text, to: path) }
        if manifest.entries[hook.name] == nil { manifest.entries[hook.name] = .new }
        continue
      }
      let kind: HookInstallation = existing == nil ? .new : (force ? .replaced : .chained)
      if let kept = kind.keptName(for: hook.name) {
        if kind == .chained && files.fileExists(atPath: folder.file(kept)) {
          throw .chainTargetTaken(hook: hook.name, folder: folder.path)
        }
        try move(path, to: folder.file(kept))
      }
      try write(hook.text, to: path)
      manifest.entries[hook.name] = kind
      report.append(line(for: hook.name, kind))
    }
    try write(manifest.text, to: folder.file(HookManifest.fileName), executable: false)
    return report
  }

  /// Removes bursar's hooks, puts back the hooks they replaced, and returns what was done.
  func uninstall() throws(HookInstallError) -> [String] {
    let manifest = try readManifest()
    var report: [String] = []
    for hook in HookScript.allCases {
      let path = folder.file(hook.name)
      let recorded = manifest.entries[hook.name]
      guard let existing = try read(path) else {
        if recorded != nil { report.append("\(hook.name): already gone") }
        continue
      }
      guard HookScript.isBursars(existing) else {
        if recorded != nil { report.append("\(hook.name): not bursar's any more; left as it is") }
        continue
      }
      try remove(path)
      if let kept = recorded?.keptName(for: hook.name), files.fileExists(atPath: folder.file(kept))
      {
        try move(folder.file(kept), to: path)
        report.append("\(hook.name): removed; restored the hook that was there before")
      } else {
        report.append("\(hook.name): removed")
      }
    }
    if files.fileExists(atPath: folder.file(HookManifest.fileName)) {
      try remove(folder.file(HookManifest.fileName))
    }
    return report
  }

  private func line(for hook: String, _ kind: HookInstallation) -> String {
    switch kind {
    case .new: return "\(hook): installed"
    case .chained: return "\(hook): installed; your hook is kept as \(hook).local and runs first"
    case .replaced:
      return "\(hook): installed; your hook was set aside as \(hook).bursar-replaced (--force)"
    }
  }

  private func createFolder() throws(HookInstallError) {
    do {
      try files.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    } catch {
      throw .fileSystem(path: folder.path, reason: "cannot create the hooks folder")
    }
  }

  private func readManifest() throws(HookInstallError) -> HookManifest {
    try read(folder.file(HookManifest.fileName)).map(HookManifest.init(text:)) ?? HookManifest()
  }

  private func read(_ path: String) throws(HookInstallError) -> String? {
    guard files.fileExists(atPath: path) else { return nil }
    guard let data = files.contents(atPath: path) else {
      throw .fileSystem(path: path, reason: "cannot be read")
    }
    return String(decoding: data, as: UTF8.self)
  }

  private func write(_ text: String, to path: String, executable: Bool = true)
    throws(HookInstallError)
  {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      try files.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
    } catch {
      throw .fileSystem(path: path, reason: "cannot be written")
    }
  }

  private func move(_ path: String, to destination: String) throws(HookInstallError) {
    do {
      if files.fileExists(atPath: destination) { try files.removeItem(atPath: destination) }
      try files.moveItem(atPath: path, toPath: destination)
    } catch {
      throw .fileSystem(path: path, reason: "cannot be moved to \(destination)")
    }
  }

  private func remove(_ path: String) throws(HookInstallError) {
    do { try files.removeItem(atPath: path) } catch {
      throw .fileSystem(path: path, reason: "cannot be removed")
    }
  }
}
