/// What a change may not do with the exceptions it creates or extends, whatever validation
/// allows of the tree: grant nothing, or make a deviation longer than the base's
/// `max_exception_days`, alone or back to back with others (`ExceptionChain`).
///
/// Validation only warns of an exception the budget has overtaken (`exception-redundant`): the
/// budget may move past an exception already granted. A change that writes such an exception
/// anew is refused, by `bursar gate` and the pre-commit hook alike.
public struct ChangedExceptionPolicy: Sendable {
  /// The exceptions the change creates or extends.
  public var touched: Set<ExceptionID>

  public init(changes: [BudgetChange]) {
    touched = Set(
      changes.compactMap { change -> ExceptionID? in
        guard case .exception(let exception) = change.what else { return nil }
        switch exception.action {
        case .created, .extended: return exception.id
        case .shortened, .withdrawn, .amended: return nil
        }
      })
  }

  /// An `exception-not-loosening` error for each `exception-redundant` warning of a created or
  /// extended exception, at the same place.
  public func refusals(_ diagnostics: [Diagnostic], exceptions: [BudgetException])
    -> [Diagnostic]
  {
    let paths = Set(exceptions.filter { touched.contains($0.id.value) }.map(\.path))
    guard !paths.isEmpty else { return [] }
    return diagnostics.filter {
      $0.rule == .exceptionRedundant && paths.contains($0.location.path)
    }
    .map {
      Diagnostic(
        .exceptionNotLoosening, at: $0.location, $0.message,
        hint:
          "a new or extended exception must loosen every value it sets; drop the setting, or change the budget instead"
      )
    }
  }

  /// The created or extended exceptions in force longer than `limit` days.
  public func tooLong(_ exceptions: [BudgetException], limit: Int) -> [BudgetException] {
    exceptions.filter { touched.contains($0.id.value) && $0.lengthInDays > limit }
      .sorted { $0.id.value < $1.id.value }
  }

  /// The chains holding a created or extended exception that cover more than `limit` days;
  /// `withdrawn` are exceptions the change removed that count in chains all the same.
  public func chainsTooLong(
    _ exceptions: [BudgetException], withdrawn: [BudgetException] = [], limit: Int
  ) -> [ExceptionChain] {
    ExceptionChain.chains(in: exceptions + withdrawn).filter { chain in
      chain.lengthInDays > limit && chain.members.contains { touched.contains($0.id.value) }
    }
  }

  /// Sentences for `bursar gate` (and `bursar audit`'s `exception-policy` findings).
  public func problems(
    head exceptions: [BudgetException], withdrawn: [BudgetException] = [],
    diagnostics: [Diagnostic], limit: Int?
  ) -> [String] {
    var problems: [String] = []
    if let limit {
      problems += tooLong(exceptions, limit: limit).map {
        "exception \($0.id.value) in \($0.path) lasts \($0.lengthInDays) days; the base allows at most \(limit)"
      }
      problems += chainsTooLong(exceptions, withdrawn: withdrawn, limit: limit).map {
        "exceptions \($0.membersText) relax \($0.coverText) for \($0.lengthInDays) days without a break; the base allows at most \(limit)"
      }
    }
    problems += refusals(diagnostics, exceptions: exceptions).map {
      "\($0.location): \($0.rule.rawValue): \($0.message); a new or extended exception must grant something"
    }
    return problems
  }
}
