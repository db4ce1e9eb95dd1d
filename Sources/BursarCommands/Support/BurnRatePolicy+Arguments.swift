import ArgumentParser
import Measurements

extension BurnRatePolicy {
  /// The policy the repeatable `--burn-rule` arguments give (`check`, `export`): the SRE
  /// workbook's rules when none is given; a rule that does not parse is a usage error.
  static func parsing(_ arguments: [String]) throws -> BurnRatePolicy {
    guard !arguments.isEmpty else { return .sreWorkbook }
    var rules: [BurnRateRule] = []
    for text in arguments {
      switch BurnRateRule.parse(text) {
      case .success(let rule): rules.append(rule)
      case .failure(let error): throw ValidationError(error.description)
      }
    }
    return BurnRatePolicy(rules: rules)
  }
}
