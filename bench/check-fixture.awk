#!/usr/bin/awk -f
# Writes the fixture of the `bursar check` benchmark into the folder `out`:
#   out/.budgets/owners.yaml and out/.budgets/models/budget-NNNN.yaml  (`budgets` budgets)
#   out/measurements.json and out/measurements.csv                    (`samples` raw latencies)
# Each budget caps latency_p50/p95/p99 (taken from its share of the samples), an SLO metric and
# memory. Latencies are log-normal-ish around 40ms, from a fixed seed, so every run is the same.
# Usage: awk -v out=DIR -v budgets=1000 -v samples=1000000 -f check-fixture.awk
BEGIN {
  if (out == "") { print "usage: awk -v out=DIR [-v budgets=N] [-v samples=N] -f check-fixture.awk" > "/dev/stderr"; exit 2 }
  if (budgets == "") budgets = 1000
  if (samples == "") samples = 1000000
  srand(42)
  system("mkdir -p '" out "/.budgets/models'")
  owners = out "/.budgets/owners.yaml"
  print "version: 1\nkind: Owners\nteams:\n  sre: { members: [{ name: alice }] }" > owners
  print "dimensions:\n  latency: { owners: [sre], runbook: docs/runbooks/latency.md }\n  resources: { owners: [sre] }" > owners
  print "governance: { owners: [sre] }" > owners
  close(owners)
  json = out "/measurements.json"
  csv = out "/measurements.csv"
  printf "{\"version\": 1, \"kind\": \"Measurements\", \"at\": \"2026-11-25T10:00:00Z\", \"values\": {\n" > json
  print "budget,metric,value,sample,unit" > csv
  per = int(samples / budgets)
  for (b = 1; b <= budgets; b++) {
    name = sprintf("budget-%04d", b)
    write_budget(name)
    count = (b == budgets) ? samples - per * (budgets - 1) : per
    printf "%s\"%s\": {\"availability\": \"99.95%%\", \"memory\": \"1.5GiB\", \"latency\": {\"unit\": \"ms\", \"samples\": [", (b > 1 ? ",\n" : ""), name > json
    printf "%s,availability,99.95%%,,\n%s,memory,1.5GiB,,\n", name, name > csv
    for (i = 1; i <= count; i++) {
      # The sum of three uniforms, squared, is a skewed, long-tailed latency.
      x = (rand() + rand() + rand()) / 1.5
      v = sprintf("%.3f", 8 + 30 * x * x)
      printf "%s%s", (i > 1 ? "," : ""), v > json
      printf "%s,latency,,%s,ms\n", name, v > csv
    }
    printf "]}}" > json
  }
  print "}}" > json
  close(json)
  close(csv)
}

function write_budget(name,    file) {
  file = out "/.budgets/models/" name ".yaml"
  print "version: 1\nkind: Budget\nname: " name "\nowner: sre\nmetrics:" > file
  print "  latency_p50:  { dimension: latency,   max: 60ms }" > file
  print "  latency_p95:  { dimension: latency,   max: 100ms }" > file
  print "  latency_p99:  { dimension: latency,   max: 120ms }" > file
  print "  availability: { dimension: latency,   slo: 99.9%, window: 30d }" > file
  print "  memory:       { dimension: resources, max: 2GiB }" > file
  close(file)
}
