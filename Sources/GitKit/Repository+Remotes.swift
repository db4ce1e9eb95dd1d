import CGit2
import Foundation

/// Fetching and pushing explicit refspecs, with a remote named in the configuration or given
/// as a URL or path.
extension Repository {
  /// What happened to a push.
  public enum PushOutcome: Sendable, Equatable {
    case pushed
    /// The remote's reference moved since it was fetched (not a fast-forward), or the remote
    /// refused the update; `reason` is git's or the remote's word for it.
    case rejected(reason: String)
  }

  /// Fetches `refspecs` (`+refs/x:refs/y`) from `remote`: a configured remote's name, else a
  /// URL or path.
  public func fetch(from remote: String, refspecs: [String]) throws(GitError) {
    try withRemote(remote) { handle throws(GitError) in
      var options = git_fetch_options()
      try LibGit2.check(
        git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)),
        "git_fetch_options_init")
      options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
      let code = Self.withStrings(refspecs) { array in
        git_remote_fetch(handle, &array, &options, "bursar: fetch")
      }
      try LibGit2.check(code, "git_remote_fetch")
    }
  }

  /// Pushes `refspecs` (`refs/x:refs/y`, no `+`) to `remote`; an update that is not a
  /// fast-forward, or that the remote refuses, is `rejected` rather than thrown.
  public func push(to remote: String, refspecs: [String]) throws(GitError) -> PushOutcome {
    try withRemote(remote) { handle throws(GitError) -> PushOutcome in
      var options = git_push_options()
      try LibGit2.check(
        git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
      let statuses = PushStatuses()
      let unmanaged = Unmanaged.passRetained(statuses)
      defer { unmanaged.release() }
      options.callbacks.payload = unmanaged.toOpaque()
      options.callbacks.push_update_reference = { refname, status, payload in
        guard let status, let payload else { return 0 }
        let statuses = Unmanaged<PushStatuses>.fromOpaque(payload).takeUnretainedValue()
        statuses.rejections.append(
          "\(refname.map { String(cString: $0) } ?? "?"): \(String(cString: status))")
        return 0
      }
      let code = Self.withStrings(refspecs) { array in
        git_remote_push(handle, &array, &options)
      }
      if code == GIT_ENONFASTFORWARD.rawValue {
        return .rejected(reason: "not a fast-forward")
      }
      // The remote's new tip is not here yet: it moved since the fetch.
      if code == GIT_ENOTFOUND.rawValue, let error = git_error_last(),
        let message = error.pointee.message.map({ String(cString: $0) }),
        message.contains("object not found") || message.contains("no match for id")
      {
        return .rejected(reason: "the remote moved since it was fetched")
      }
      try LibGit2.check(code, "git_remote_push")
      if let first = statuses.rejections.first { return .rejected(reason: first) }
      return .pushed
    }
  }

  /// Moves `remoteReference` on `remote` to the commit of `localReference`, only while it
  /// still points at `expected` (nil: only while it does not exist).
  ///
  /// A remote reached over a network checks that itself (git's receive-pack moves a
  /// reference only from the value it advertised). libgit2 writes a remote on this machine
  /// directly and would move the reference whatever it points at, so for a path or `file://`
  /// remote the objects are pushed to a reference of their own, then the remote's reference is
  /// moved with compare-and-swap under its lock, and the reference of their own removed.
  public func push(
    _ localReference: String, to remote: String, as remoteReference: String,
    expecting expected: Oid?
  ) throws(GitError) -> PushOutcome {
    guard let remotePath = try localPath(of: remote) else {
      return try push(to: remote, refspecs: ["\(localReference):\(remoteReference)"])
    }
    guard let tip = try referenceTarget(localReference) else {
      throw .unknownRevision(localReference)
    }
    let incoming = "\(remoteReference)-incoming-\(UUID().uuidString.lowercased())"
    let outcome = try push(to: remote, refspecs: ["+\(localReference):\(incoming)"])
    guard outcome == .pushed else { return outcome }
    let target = try Repository.discover(from: remotePath, environment: [:])
    defer { try? target.deleteReference(incoming) }
    let moved = try target.moveReference(
      remoteReference, to: tip, from: expected, message: "push")
    return moved ? .pushed : .rejected(reason: "the remote's reference moved since it was fetched")
  }

  /// Deletes a reference; nothing happens when there is none.
  public func deleteReference(_ name: String) throws(GitError) {
    var reference: OpaquePointer?
    let code = git_reference_lookup(&reference, handle, name)
    if code == GIT_ENOTFOUND.rawValue { return }
    try LibGit2.check(code, "git_reference_lookup")
    defer { git_reference_free(reference) }
    try LibGit2.check(git_reference_delete(reference), "git_reference_delete")
  }

  /// The folder of a remote on this machine (a configured remote's URL, or the text itself, as
  /// a path or `file://` URL); nil for a network remote.
  private func localPath(of remote: String) throws(GitError) -> String? {
    var url = remote
    var handle: OpaquePointer?
    if git_remote_lookup(&handle, self.handle, remote) == 0, let handle {
      url =
        git_remote_pushurl(handle).map { String(cString: $0) }
        ?? git_remote_url(handle).map { String(cString: $0) } ?? remote
      git_remote_free(handle)
    }
    if url.hasPrefix("file://") { return URL(string: url)?.path }
    if url.contains("://") { return nil }
    // scp-like `host:path` is a network remote; a path has no colon before its first slash.
    if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
    // A relative path is relative to the work tree (or the git directory when bare).
    let path = url.hasPrefix("/") ? url : (workingDirectory ?? gitDirectory) + "/" + url
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else { return nil }
    return path
  }

  private final class PushStatuses {
    var rejections: [String] = []
  }

  private func withRemote<T>(
    _ name: String, _ body: (OpaquePointer) throws(GitError) -> T
  ) throws(GitError) -> T {
    var remote: OpaquePointer?
    var code = git_remote_lookup(&remote, handle, name)
    if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
      code = git_remote_create_anonymous(&remote, handle, name)
    }
    try LibGit2.check(code, "git_remote_lookup")
    defer { git_remote_free(remote) }
    return try body(remote!)
  }

  private static func withStrings<T>(_ strings: [String], _ body: (inout git_strarray) -> T) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
      var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
      return body(&array)
    }
  }
}
