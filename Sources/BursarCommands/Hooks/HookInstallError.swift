/// Why `bursar hooks install` or `uninstall` stopped, in words a person can act on.
enum HookInstallError: Error, CustomStringConvertible {
  /// A foreign hook is in the way and its `.local` name is taken too.
  case chainTargetTaken(hook: String, folder: String)
  /// A file of the hooks folder could not be read, written, moved or removed.
  case fileSystem(path: String, reason: String)
  /// Client hooks were asked for in a bare repository, where nobody commits.
  case bareNeedsServer(path: String)

  var description: String {
    switch self {
    case .chainTargetTaken(let hook, let folder):
      return "\(folder)/\(hook) is not bursar's and \(hook).local exists too, so bursar cannot "
        + "chain to it; move one of them away, or use --force to set \(hook) aside"
    case .fileSystem(let path, let reason):
      return "\(path): \(reason)"
    case .bareNeedsServer(let path):
      return "\(path) is a bare repository, where nobody commits; "
        + "use bursar hooks install --server to gate pushes with a pre-receive hook"
    }
  }
}
