import Foundation
import TestSupport

/// Writes random YAML documents: block and flow collections, every scalar style, comments, and
/// now and then an anchor, alias, tag, merge key, repeated key or second document.
struct DocumentGenerator {
  var random: SeededGenerator
  private let keys = [
    "a", "b", "max", "min", "latency_p95", "caf\u{E9}", "cafe\u{301}", "x y", "\"q\"", "'s'",
    "1", "null",
  ]
  private let scalars = [
    "1", "120ms", "0.91", "no", "~", "null", "", "yes", "hello world", "-3", "a#b", "x: y",
    "\u{1F600}", "tab\there", "0o17", "'quoted'", "\"dq\\n\\u00e9\"", "[1]",
  ]

  init(random: SeededGenerator) { self.random = random }

  mutating func document() -> String {
    var text = ""
    if chance(40) { text += "# heading\n" }
    if chance(60) { text += "%YAML 1.1\n---\n" } else if chance(20) { text += "---\n" }
    text += block(indent: 0, depth: 0)
    if chance(40) { text += "---\n" + block(indent: 0, depth: 0) }
    if chance(40) { text += "...\n" }
    return text
  }

  private mutating func chance(_ oneIn: Int) -> Bool { random.next(oneIn) == 0 }

  private mutating func block(indent: Int, depth: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var text = ""
    if random.next(3) == 0 && depth > 0 {
      for _ in 0..<(1 + random.next(3)) {
        text += pad + "-" + valueAfterIndicator(indent: indent + 2, depth: depth + 1)
      }
      return text
    }
    var used = Set<String>()
    for _ in 0..<(1 + random.next(4)) {
      var key = keys[random.next(keys.count)]
      if used.contains(key) && !chance(8) { key += "\(used.count)" }
      used.insert(key)
      if chance(60) { key = "<<" }
      if chance(80) { key = "? " + key + "\n" + pad }
      text += pad + key + ":" + valueAfterIndicator(indent: indent + 2, depth: depth + 1)
    }
    return text
  }

  private mutating func valueAfterIndicator(indent: Int, depth: Int) -> String {
    let decoration = decorations()
    switch random.next(depth > 4 ? 2 : 5) {
    case 0: return " " + decoration + scalar() + comment() + "\n"
    case 1: return " " + decoration + flow(depth: depth) + "\n"
    case 2:
      let style = ["|", ">", "|-", ">+"][random.next(4)]
      let pad = String(repeating: " ", count: indent)
      return " " + style + "\n" + pad + "line one\n" + pad + "line two\n"
    default:
      return (decoration.isEmpty ? "" : " " + decoration) + comment() + "\n"
        + block(indent: indent, depth: depth)
    }
  }

  private mutating func decorations() -> String {
    var text = ""
    if chance(40) { text += "&anchor\(random.next(3)) " }
    if chance(40) { text += ["!!str ", "! ", "!custom ", "!!map "][random.next(4)] }
    return text
  }

  private mutating func comment() -> String { chance(4) ? "  # note" : "" }

  private mutating func scalar() -> String {
    if chance(40) { return "*anchor\(random.next(3))" }
    let text = scalars[random.next(scalars.count)]
    switch random.next(4) {
    case 0: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    case 1:
      return "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    default: return text
    }
  }

  private mutating func flow(depth: Int) -> String {
    if depth > 6 || chance(3) { return scalar() }
    if random.next(2) == 0 {
      let items = (0..<random.next(4)).map { _ in flow(depth: depth + 1) }
      return "[" + items.joined(separator: ", ") + "]"
    }
    let entries = (0..<random.next(4)).map { _ in
      keys[random.next(keys.count)] + ": " + flow(depth: depth + 1)
    }
    return "{" + entries.joined(separator: ", ") + "}"
  }
}
