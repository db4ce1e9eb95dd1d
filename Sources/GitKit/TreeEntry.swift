import CGit2

/// A file recorded in a tree or in the index, with its path relative to the listed folder.
public struct TreeEntry: Hashable, Sendable {
  /// What sort of file an entry records.
  public enum Kind: Hashable, Sendable {
    /// A regular file (mode 100644).
    case file
    /// A regular file with the executable bit (mode 100755).
    case executable
    /// A symbolic link; the blob holds the link target.
    case symlink
    /// A submodule (gitlink, mode 160000); the id is a commit in another repository.
    case submodule
  }

  /// The path relative to the listed folder, with `/` between components.
  public let path: String
  /// The blob id, or the commit id for a submodule.
  public let id: Oid
  /// What the entry is.
  public let kind: Kind
  /// The raw git file mode, such as 0o100644.
  public let mode: UInt32

  /// Creates an entry from its parts.
  public init(path: String, id: Oid, kind: Kind, mode: UInt32) {
    self.path = path
    self.id = id
    self.kind = kind
    self.mode = mode
  }

  /// Creates an entry whose kind follows from its git file mode.
  init(path: String, id: Oid, mode: UInt32) {
    self.init(path: path, id: id, kind: Self.kind(ofMode: mode), mode: mode)
  }

  /// Whether a git file mode records a folder (a sub-tree).
  static func isTree(mode: UInt32) -> Bool {
    mode & 0o170000 == 0o040000
  }

  /// The kind a git file mode stands for; old group-writable modes count as plain files.
  static func kind(ofMode mode: UInt32) -> Kind {
    switch mode & 0o170000 {
    case 0o120000: return .symlink
    case 0o160000: return .submodule
    default: return mode & 0o111 != 0 ? .executable : .file
    }
  }
}
