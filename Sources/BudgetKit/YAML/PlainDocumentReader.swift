internal import CYaml

/// Reads a plain YAML document straight from libyaml's events, the way most budget files are
/// written: mappings, lists and scalars, with no anchor, alias, tag, directive, merge key,
/// complex or repeated key, nothing nested too deep, and exactly one document.
///
/// It gives up (returns nil) at the first thing outside that, and `StrictYAMLReader` then reads
/// the file through Yams, which reports it. So the diagnostics come from one place only, and a
/// document read here is the value Yams' path would give: the same libyaml parses it, scalars
/// keep their text and whether they were quoted, and every place is libyaml's mark counted from
/// 1, as Yams counts it.
///
/// Why it exists: Yams builds a node tree (each node a class with its tag resolver and
/// constructor) that the converter then walks again. A long history parses thousands of budget
/// files, and building `YAMLValue` directly from the events takes a fraction of that time.
struct PlainDocumentReader {
  let path: String
  let maxDepth: Int

  /// The document, or nil when anything about it needs the full reader.
  func read(_ bytes: [UInt8]) -> YAMLValue? {
    guard !bytes.isEmpty else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> YAMLValue? in
      var events = EventStream()
      guard events.start(buffer) else { return nil }
      defer { events.finish() }
      guard events.next(), events.type == YAML_STREAM_START_EVENT else { return nil }
      guard events.next(), events.type == YAML_DOCUMENT_START_EVENT,
        events.event.data.document_start.version_directive == nil,
        events.event.data.document_start.tag_directives.start == nil
      else { return nil }
      guard events.next(), let root = node(&events, depth: 0) else { return nil }
      if case .scalar(let scalar) = root, scalar.isNull { return nil }
      guard events.next(), events.type == YAML_DOCUMENT_END_EVENT else { return nil }
      guard events.next(), events.type == YAML_STREAM_END_EVENT else { return nil }
      return root
    }
  }

  /// The node whose first event is the current one, or nil.
  private func node(_ events: inout EventStream, depth: Int) -> YAMLValue? {
    switch events.type {
    case YAML_SCALAR_EVENT:
      return scalar(events).map(YAMLValue.scalar)
    case YAML_SEQUENCE_START_EVENT:
      let start = events.event.data.sequence_start
      guard start.anchor == nil, start.tag == nil, depth < maxDepth else { return nil }
      let location = self.location(events)
      var items: [YAMLValue] = []
      while true {
        guard events.next() else { return nil }
        if events.type == YAML_SEQUENCE_END_EVENT { break }
        guard let item = node(&events, depth: depth + 1) else { return nil }
        items.append(item)
      }
      return .sequence(YAMLSequence(items: items, location: location))
    case YAML_MAPPING_START_EVENT:
      let start = events.event.data.mapping_start
      guard start.anchor == nil, start.tag == nil, depth < maxDepth else { return nil }
      let location = self.location(events)
      var entries: [YAMLMapping.Entry] = []
      while true {
        guard events.next() else { return nil }
        if events.type == YAML_MAPPING_END_EVENT { break }
        guard events.type == YAML_SCALAR_EVENT, let key = scalar(events) else { return nil }
        if !key.isQuoted && key.text == "<<" { return nil }
        guard events.next(), let value = node(&events, depth: depth + 1) else { return nil }
        entries.append(
          YAMLMapping.Entry(key: key.text, keyLocation: key.location, value: value))
      }
      guard Self.keysDiffer(entries) else { return nil }
      return .mapping(YAMLMapping(entries: entries, location: location))
    default:
      // An alias, or an event that cannot start a node.
      return nil
    }
  }

  private func scalar(_ events: EventStream) -> YAMLScalar? {
    let data = events.event.data.scalar
    guard data.anchor == nil, data.tag == nil else { return nil }
    let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    return YAMLScalar(
      text: text, isQuoted: data.style != YAML_PLAIN_SCALAR_STYLE, location: location(events))
  }

  private func location(_ events: EventStream) -> SourceLocation {
    let mark = events.event.start_mark
    return SourceLocation(path: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// Whether no two keys are the same text (compared as Swift compares strings, as Yams does).
  private static func keysDiffer(_ entries: [YAMLMapping.Entry]) -> Bool {
    if entries.count <= 16 {
      for index in entries.indices.dropFirst() {
        let key = entries[index].key
        for earlier in 0..<index where entries[earlier].key == key { return false }
      }
      return true
    }
    var seen = Set<String>(minimumCapacity: entries.count)
    for entry in entries where !seen.insert(entry.key).inserted { return false }
    return true
  }
}

/// libyaml's parser and its current event, each event freed before the next is read.
private struct EventStream {
  let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  var event = yaml_event_t()
  private var holdsEvent = false

  var type: yaml_event_type_t { event.type }

  mutating func start(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard yaml_parser_initialize(parser) == 1 else {
      parser.deallocate()
      return false
    }
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    return true
  }

  /// Reads the next event; false on a syntax error.
  mutating func next() -> Bool {
    if holdsEvent { yaml_event_delete(&event) }
    holdsEvent = yaml_parser_parse(parser, &event) == 1
    return holdsEvent
  }

  mutating func finish() {
    if holdsEvent { yaml_event_delete(&event) }
    holdsEvent = false
    yaml_parser_delete(parser)
    parser.deallocate()
  }
}
