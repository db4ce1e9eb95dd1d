/// Which metrics are parts of which: a whole names its parts, and a part may be a whole of its
/// own. A cycle (a part of itself, through any chain) has no meaning and must be refused.
public struct PartsGraph: Sendable {
  /// Each whole and its parts, in a stable order (the order they are written in).
  public var edges: [(whole: String, parts: [String])]

  public init(_ edges: [(whole: String, parts: [String])]) {
    self.edges = edges
  }

  /// The first cycle found, as the metrics along it in order with the first repeated at the
  /// end (`["a", "b", "c", "a"]`: a has part b, b has part c, c has part a); nil when there is
  /// none. Depth-first from each whole in the written order, so the answer is stable.
  public func cycle() -> [String]? {
    var parts: [String: [String]] = [:]
    var order: [String] = []
    for (whole, children) in edges {
      if parts[whole] == nil { order.append(whole) }
      parts[whole, default: []].append(contentsOf: children)
    }
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var path: [String] = []
    // An explicit stack (node, next child index) so a deep chain cannot overflow the call stack.
    for root in order where marks[root] == nil {
      var stack: [(node: String, next: Int)] = [(root, 0)]
      marks[root] = .visiting
      path.append(root)
      while let top = stack.last {
        let children = parts[top.node] ?? []
        if top.next < children.count {
          stack[stack.count - 1].next += 1
          let child = children[top.next]
          switch marks[child] {
          case .visiting:
            let from = path.firstIndex(of: child) ?? 0
            return Array(path[from...]) + [child]
          case .done:
            continue
          case nil:
            marks[child] = .visiting
            path.append(child)
            stack.append((child, 0))
          }
        } else {
          marks[top.node] = .done
          path.removeLast()
          stack.removeLast()
        }
      }
    }
    return nil
  }
}
