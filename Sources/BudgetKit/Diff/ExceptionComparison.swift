/// The changes to exceptions, matched by id: created, extended, shortened, amended, withdrawn.
///
/// Each change names one metric of the exception, so that filtering by metric finds it; an
/// exception over two metrics that is extended gives two changes.
enum ExceptionComparison {
  static func changes(from old: [BudgetException], to new: [BudgetException]) -> [BudgetChange] {
    let before = Dictionary(old.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = BudgetDiff.mergedOrder(old.map(\.id.value), new.map(\.id.value)).sorted()
    return ids.flatMap { id in changes(from: before[id], to: after[id]) }
  }

  private static func changes(from old: BudgetException?, to new: BudgetException?)
    -> [BudgetChange]
  {
    switch (old, new) {
    case (nil, nil): return []
    case (nil, let new?): return grants(of: new, kind: .added, action: .created)
    case (let old?, nil): return grants(of: old, kind: .removed, action: .withdrawn)
    case (let old?, let new?):
      // Pointing an exception at another budget or environment is a new deviation.
      guard old.budget.value == new.budget.value, old.environment.value == new.environment.value
      else {
        return grants(of: old, kind: .removed, action: .withdrawn)
          + grants(of: new, kind: .added, action: .created)
      }
      return dateChanges(from: old, to: new) + grantChanges(from: old, to: new)
        + textChanges(from: old, to: new)
    }
  }

  /// One change per granted field, for an exception that appears or disappears.
  private static func grants(
    of exception: BudgetException, kind: ChangeKind, action: ExceptionAction
  ) -> [BudgetChange] {
    exception.metrics.flatMap { metric in
      metric.bound.fields.map { key, value in
        change(
          exception, kind: kind, action: action, metric: metric.name.value, subject: .bound(key),
          old: kind == .removed ? value.text : nil, new: kind == .added ? value.text : nil,
          note: "\(exception.starts.value) to \(exception.expires.value): \(exception.reason)")
      }
    }
  }

  /// A later expiry or an earlier start extends the exception; the reverse shortens it.
  private static func dateChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    let fields: [(ChangeField, CalendarDay, CalendarDay, Bool)] = [
      (.starts, old.starts.value, new.starts.value, false),
      (.expires, old.expires.value, new.expires.value, true),
    ]
    var changes: [BudgetChange] = []
    for (field, before, after, laterIsLonger) in fields where before != after {
      let longer = (after > before) == laterIsLonger
      for metric in new.metrics {
        changes.append(
          change(
            new, kind: longer ? .loosen : .tighten, action: longer ? .extended : .shortened,
            metric: metric.name.value, subject: field, old: before.description,
            new: after.description))
      }
    }
    return changes
  }

  /// Granted values that changed, appeared or disappeared within the exception.
  private static func grantChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    let before = Dictionary(
      old.metrics.map { ($0.name.value, $0.bound) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(
      new.metrics.map { ($0.name.value, $0.bound) }, uniquingKeysWith: { a, _ in a })
    let names = BudgetDiff.mergedOrder(old.metrics.map(\.name.value), new.metrics.map(\.name.value))
    return names.flatMap { name in
      BoundComparison.changes(from: before[name], to: after[name]).map { field in
        // A grant is a ceiling or floor like the budget's own, so its direction reads the same.
        change(
          new, kind: field.kind, action: .amended, metric: name, subject: .bound(field.key),
          old: field.old?.text, new: field.new?.text, relativeChange: field.relativeChange)
      }
    }
  }

  private static func textChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    var changes: [BudgetChange] = []
    if old.reason != new.reason {
      changes.append(
        change(
          new, kind: .changed, action: .amended, metric: nil, subject: .reason, old: old.reason,
          new: new.reason))
    }
    if old.ticket != new.ticket {
      changes.append(
        change(
          new, kind: .changed, action: .amended, metric: nil, subject: .ticket, old: old.ticket,
          new: new.ticket))
    }
    return changes
  }

  private static func change(
    _ exception: BudgetException, kind: ChangeKind, action: ExceptionAction, metric: MetricName?,
    subject: ChangeField, old: String?, new: String?, relativeChange: Double? = nil,
    note: String? = nil
  ) -> BudgetChange {
    return BudgetChange(
      category: .exception, kind: kind, budget: exception.budget.value,
      environment: exception.environment.value, metric: metric, subject: subject,
      old: old, new: new, relativeChange: relativeChange, path: exception.path,
      exception: exception.id.value, action: action, note: note,
      expires: exception.expires.value.description)
  }
}
