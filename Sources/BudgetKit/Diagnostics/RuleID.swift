/// The stable identifier of a validation rule, printed as `error[rule-id]`.
///
/// Each rule is documented in `docs/format.md`; ids never change meaning once published.
public enum RuleID: String, Sendable, CaseIterable, Hashable {
  // Reading the file.
  case fileTooLarge = "file-too-large"
  case fileEncoding = "file-encoding"
  case fileNotRegular = "file-not-regular"
  case budgetsNotDirectory = "budgets-not-directory"
  case tooManyFiles = "too-many-files"
  // YAML strictness.
  case yamlSyntax = "yaml-syntax"
  case yamlTab = "yaml-tab"
  case yamlBOM = "yaml-bom"
  case yamlAnchor = "yaml-anchor"
  case yamlMergeKey = "yaml-merge-key"
  case yamlDuplicateKey = "yaml-duplicate-key"
  case yamlMultipleDocuments = "yaml-multiple-documents"
  case yamlNonStringKey = "yaml-non-string-key"
  case yamlTag = "yaml-tag"
  case yamlTooDeep = "yaml-too-deep"
  case yamlEmpty = "yaml-empty"
  // Shape of a document.
  case version
  case kind
  case unknownKey = "unknown-key"
  case missingKey = "missing-key"
  case wrongType = "wrong-type"
  case invalidName = "invalid-name"
  case emptyValue = "empty-value"
  // Values.
  case quantitySyntax = "quantity-syntax"
  case unitMismatch = "unit-mismatch"
  case ratioRange = "ratio-range"
  case boundShape = "bound-shape"
  case bandInverted = "band-inverted"
  case dateSyntax = "date-syntax"
  case requireInvalid = "require-invalid"
  case sshKey = "ssh-key"
  case digestSyntax = "digest-syntax"
  case signatureSyntax = "signature-syntax"
  case approvalPath = "approval-path"
  case regressionSettings = "regression-settings"
  case baselineZero = "baseline-zero"
  case recordedReference = "recorded-reference"
  // Across files.
  case ownersMissing = "owners-missing"
  case ownersDuplicate = "owners-duplicate"
  case duplicateName = "duplicate-name"
  case duplicateMember = "duplicate-member"
  case unknownTeam = "unknown-team"
  case unknownMember = "unknown-member"
  case unknownDimension = "unknown-dimension"
  case unknownBudget = "unknown-budget"
  case unknownMetric = "unknown-metric"
  case unknownEnvironment = "unknown-environment"
  case exceptionNotLoosening = "exception-not-loosening"
  case exceptionDates = "exception-dates"
  case exceptionTooLong = "exception-too-long"
  case exceptionChainTooLong = "exception-chain-too-long"
  case partsExceedWhole = "parts-exceed-whole"
  case partsCycle = "parts-cycle"
  /// A warning: an exception in force or upcoming that the budget has overtaken.
  case exceptionRedundant = "exception-redundant"
  // Import mappings.
  case importTool = "import-tool"
  case importFigure = "import-figure"
  case importTarget = "import-target"
  case importDuplicate = "import-duplicate"
}
