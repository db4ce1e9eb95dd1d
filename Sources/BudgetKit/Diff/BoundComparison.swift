/// Compares two bounds field by field and says which way each field moved.
struct BoundComparison {
  /// One field that differs.
  struct FieldChange {
    var key: BoundKey
    var kind: ChangeKind
    var old: Quantity?
    var new: Quantity?
    var relativeChange: Double?
  }

  /// The differing fields of two bounds, in `BoundKey` order.
  ///
  /// A nil bound means the metric does not exist on that side, so its fields are `added` or
  /// `removed`; a field gained by an existing metric is a tightening (a new cap) and a field
  /// dropped is a loosening, except for an SLO window, which has no direction.
  ///
  /// A `baseline` that moves takes its direction from the relative bounds it anchors: raising
  /// it tightens a relative floor (`max_drop`) and loosens a relative ceiling (`max_rise`).
  static func changes(from old: Bound?, to new: Bound?) -> [FieldChange] {
    BoundKey.allCases.compactMap { key in
      var change = fieldChange(
        key, old: old?[key], new: new?[key], oldExists: old != nil, newExists: new != nil)
      if key == .baseline, change?.kind == .changed, let before = old?[key],
        let after = new?[key], let order = before.compare(to: after),
        let raises = (new?.baselineRaises ?? old?.baselineRaises)
      {
        change?.kind = order == .orderedAscending ? raises : raises.reversed
      }
      return change
    }
  }

  private static func fieldChange(
    _ key: BoundKey, old: Quantity?, new: Quantity?, oldExists: Bool, newExists: Bool
  ) -> FieldChange? {
    switch (old, new) {
    case (nil, nil):
      return nil
    case (nil, let new?):
      let kind: ChangeKind = !oldExists ? .added : key.largerIsLooser == nil ? .changed : .tighten
      return FieldChange(key: key, kind: kind, old: nil, new: new)
    case (let old?, nil):
      let kind: ChangeKind = !newExists ? .removed : key.largerIsLooser == nil ? .changed : .loosen
      return FieldChange(key: key, kind: kind, old: old, new: nil)
    case (let old?, let new?):
      guard let kind = direction(key, from: old, to: new) else { return nil }
      return FieldChange(
        key: key, kind: kind, old: old, new: new, relativeChange: old.relativeChange(to: new))
    }
  }

  /// Which way a value moved; nil when it did not (`100ms` and `0.1s` are the same value).
  static func direction(_ key: BoundKey, from old: Quantity, to new: Quantity) -> ChangeKind? {
    guard let order = old.compare(to: new) else {
      // A change of unit family (a new currency, say) has no direction.
      return old.text == new.text ? nil : .changed
    }
    guard order != .orderedSame else { return nil }
    guard let largerIsLooser = key.largerIsLooser else { return .changed }
    let grew = order == .orderedAscending
    return grew == largerIsLooser ? .loosen : .tighten
  }
}
