/// The budget files the importer tests read tools' outputs through: an Owners file with one
/// team, and the mappings of the committed Locust and Prometheus fixtures to the `scorer`
/// budget's metrics.
public enum ImportFiles {
  /// One team, `sre`, owning the latency and quality dimensions and the governance.
  public static let owners = """
    version: 1
    kind: Owners
    teams:
      sre:
        members:
          - name: alice
    dimensions:
      latency: { owners: [sre] }
      quality: { owners: [sre] }
    governance: { owners: [sre], require: all }
    """

  /// `POST /score`'s 95th and 50th percentiles, and the aggregated failures of all requests.
  public static let locustMapping = """
    version: 1
    kind: Import
    tool: locust
    figures:
      - { name: /score, labels: { Type: POST }, statistic: "95%", budget: scorer, metric: latency_p95 }
      - { name: /score, labels: { Type: POST }, statistic: "50%", budget: scorer, metric: latency_p50 }
      - budget: scorer
        metric: availability
        bad: { name: Aggregated, statistic: Failure Count }
        total: { name: Aggregated, statistic: Request Count }
    """

  /// Availability from two named query results (good and total), and the p95 from a third.
  public static let prometheusMapping = """
    version: 1
    kind: Import
    tool: prometheus
    figures:
      - budget: scorer
        metric: availability
        good: { query: 'sum(increase(http_requests_total{code="200"}[2s]))', result: good }
        total: { query: 'sum(increase(http_requests_total[2s]))', result: total }
      - budget: scorer
        metric: latency_p95
        query: request_latency_seconds{quantile="0.95"}
        result: latency
        unit: s
    """
}
