#!/usr/bin/env python3
"""Writes the fixture of the `bursar check --from` benchmark into OUT:
  OUT/.budgets/...                     owners, a budget and Locust and Prometheus mappings
  OUT/locust_stats_history.csv         a Locust --csv-full-history file of about MB megabytes
  OUT/prometheus_matrix.json           a query_range answer of SERIES series x POINTS points
Values come from a fixed seed, so every run writes the same files.
Usage: import-fixture.py OUT [MB=100] [SERIES=1000] [POINTS=8640]
"""
import os, random, sys

out = sys.argv[1]
megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 100
series = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
points = int(sys.argv[4]) if len(sys.argv) > 4 else 8640
random.seed(42)
os.makedirs(out + "/.budgets/imports", exist_ok=True)
open(out + "/.budgets/owners.yaml", "w").write(
    "version: 1\nkind: Owners\nteams:\n  sre: { members: [{ name: alice }] }\n"
    "dimensions:\n  latency: { owners: [sre] }\ngovernance: { owners: [sre] }\n")
open(out + "/.budgets/scorer.yaml", "w").write(
    "version: 1\nkind: Budget\nname: scorer\nowner: sre\nmetrics:\n"
    "  latency_p95: { dimension: latency, max: 10s }\n"
    "  queue_depth: { dimension: latency, max: 100 }\n")
open(out + "/.budgets/imports/locust.yaml", "w").write(
    "version: 1\nkind: Import\ntool: locust\nfigures:\n"
    "  - { name: /score, labels: { Type: POST }, statistic: \"95%\", budget: scorer, metric: latency_p95 }\n")
open(out + "/.budgets/imports/prometheus.yaml", "w").write(
    "version: 1\nkind: Import\ntool: prometheus\nfigures:\n"
    "  - { name: queue_depth, labels: { instance: host-0007 }, query: 'queue_depth{instance=\"host-0007\"}', budget: scorer, metric: queue_depth, unit: \"1\" }\n")

header = ("Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
          "99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
          "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
          "Total Average Content Size\n")
requests = [("POST", "/score")] + [("GET", "/item/%03d" % i) for i in range(19)] + [("", "Aggregated")]
limit = megabytes * 1_000_000
with open(out + "/locust_stats_history.csv", "w") as handle:
    handle.write(header)
    written, second, total = len(header), 1_796_000_000, 0
    while written < limit:
        for kind, name in requests:
            p = sorted(random.randint(5, 400) for _ in range(11))
            total += random.randint(10, 40)
            row = "%d,50,%s,%s,%.6f,%.6f,%s,%d,%d,%d,%.6f,%.6f,%.6f,%.1f\n" % (
                second, kind, name, random.uniform(10, 40), random.uniform(0, 1),
                ",".join(map(str, p)), total, total // 100, p[0], random.uniform(20, 80),
                random.uniform(1, 5), random.uniform(300, 900), 12.0)
            handle.write(row)
            written += len(row)
        second += 1

with open(out + "/prometheus_matrix.json", "w") as handle:
    handle.write('{"status":"success","data":{"resultType":"matrix","result":[')
    start = 1_796_000_000
    for s in range(series):
        handle.write(("," if s else "") + '{"metric":{"__name__":"queue_depth","instance":"host-%04d","job":"scorer"},"values":[' % s)
        handle.write(",".join('[%d,"%d"]' % (start + 10 * i, random.randint(0, 99)) for i in range(points)))
        handle.write("]}")
    handle.write("]}}\n")
