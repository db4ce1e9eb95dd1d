import CGit2
import Foundation

/// What the work tree and the index hold that the current commit does not.
extension Repository {
  /// Files under a folder (relative to the repository root) that are untracked, added to the
  /// index, or modified, and so not in HEAD as they are; sorted. Ignored files are left out.
  public func uncommittedFiles(under folder: String) throws(GitError) -> [String] {
    guard !isBare else { throw .bareRepository(path: gitDirectory) }
    let prefix = Self.normalized(folder) + "/"
    var options = git_status_options()
    try LibGit2.check(
      git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)),
      "git_status_options_init")
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
    var list: OpaquePointer?
    // The pathspec keeps libgit2 from scanning the rest of the work tree.
    let spec = strdup(String(prefix.dropLast()))
    defer { free(spec) }
    var pointers: [UnsafeMutablePointer<CChar>?] = [spec]
    try pointers.withUnsafeMutableBufferPointer { buffer throws(GitError) in
      options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
      try LibGit2.check(git_status_list_new(&list, handle, &options), "git_status_list_new")
    }
    defer { git_status_list_free(list) }
    let wanted =
      GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
      | GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue
    var paths = Set<String>()
    for position in 0..<git_status_list_entrycount(list) {
      // Entries are borrowed from the list: copied here, never freed.
      guard let entry = git_status_byindex(list, position)?.pointee,
        entry.status.rawValue & wanted != 0
      else { continue }
      let delta = entry.index_to_workdir ?? entry.head_to_index
      guard let cPath = delta?.pointee.new_file.path else { continue }
      let path = String(cString: cPath)
      if path.hasPrefix(prefix) { paths.insert(path) }
    }
    return paths.sorted()
  }
}
