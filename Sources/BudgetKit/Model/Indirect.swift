/// A value kept behind a reference that copies of its holder share: a large, rarely set field
/// of a small struct stays one pointer wide in it. Never changed in place; a holder that sets
/// the field puts a new box in, so the holder keeps value semantics.
final class Indirect<Value: Sendable>: Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
