import BudgetKit

/// The files `bursar init` writes: an owners file naming the person who ran it, and one example
/// budget that shows each kind of cap.
struct StarterTree {
  var member: String
  var email: String?
  var key: String?

  var files: [(String, String)] {
    [("owners.yaml", owners), ("models/example-model.yaml", budget)]
  }

  private var owners: String {
    let emailLine = email.map { "\n        email: \(quoted($0))" } ?? ""
    let keyLine =
      key.map { "\n        keys: [\(quoted($0))]" }
      ?? "\n        keys: []   # add a line of your ~/.ssh/id_ed25519.pub to sign approvals"
    return """
      version: 1
      kind: Owners
      teams:
        platform:
          members:
            - name: \(member)\(emailLine)\(keyLine)
      dimensions:
        latency:   { owners: [platform] }
        resources: { owners: [platform] }
        quality:   { owners: [platform] }
        cost:      { owners: [platform] }
      rules:
        loosen: owners          # loosening a cap needs the dimension's owners
        tighten: none
        add: owners
        remove: owners
        exception: owners
        max_exception_days: 90
        signatures: required
        self_approval: false
      governance: { owners: [platform] }

      """
  }

  private var budget: String {
    """
    version: 1
    kind: Budget
    name: example-model
    owner: platform
    description: An example; rename it after your model or service.
    metrics:
      latency_p95:  { dimension: latency,   max: 200ms }
      availability: { dimension: latency,   slo: 99.9%, window: 30d }
      memory:       { dimension: resources, max: 2GiB }
      accuracy:     { dimension: quality,   min: 0.90 }
      cost_per_1k:  { dimension: cost,      max: 0.50 USD }
    environments:
      staging:
        latency_p95: { max: 300ms }

    """
  }

  private func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }
}

/// Whether a member name follows the rules of the Owners file.
enum MemberNameCheck {
  static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-".unicodeScalars)

  static func isValid(_ name: String) -> Bool { MemberKind.isValid(name) }
}
