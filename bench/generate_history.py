#!/usr/bin/env python3
"""Writes a `git fast-import` stream of a long history with many budgets.

The first commit adds an owners file and BUDGETS budget files; every later commit changes a
file outside `.budgets/`, and CHANGES of them (spread evenly) also change one value of one
budget. Deterministic for a given seed, so figures can be compared between runs.

usage: generate_history.py COMMITS BUDGETS CHANGES [SEED] | git fast-import
"""
import random
import sys

OWNERS = """version: 1
kind: Owners
teams:
  sre: { members: [{ name: alice }] }
  ml-eng: { members: [{ name: carol }] }
dimensions:
  latency: { owners: [sre] }
  resources: { owners: [sre] }
  quality: { owners: [ml-eng] }
  cost: { owners: [ml-eng] }
rules: { signatures: optional }
governance: { owners: [sre] }
"""


def budget(index, values):
    return f"""version: 1
kind: Budget
name: model-{index:04d}
owner: ml-eng
description: Generated budget number {index} for the history benchmark.
metrics:
  latency_p95:  {{ dimension: latency,   max: {values['latency']}ms }}
  latency_p99:  {{ dimension: latency,   max: {values['latency'] * 2}ms }}
  availability: {{ dimension: latency,   slo: 99.9%, window: 30d }}
  memory:       {{ dimension: resources, max: {values['memory']}MiB }}
  precision:    {{ dimension: quality,   min: 0.{values['precision']} }}
  recall:       {{ dimension: quality,   min: 0.80 }}
  cost_per_1k:  {{ dimension: cost,      max: 0.{values['cost']:02d} USD }}
environments:
  staging:
    latency_p95: {{ max: {values['latency'] + 50}ms }}
  experiment:
    latency_p95: {{ max: {values['latency'] + 200}ms }}
    cost_per_1k: {{ max: 1.20 USD }}
"""


def data(out, text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw))
    out.write(raw)
    out.write(b"\n")


def main():
    commits, budgets, changes = (int(arg) for arg in sys.argv[1:4])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    values = [
        {"latency": rng.randrange(50, 300), "memory": rng.randrange(256, 4096),
         "precision": rng.randrange(80, 99), "cost": rng.randrange(10, 90)}
        for _ in range(budgets)
    ]
    every = max(1, (commits - 1) // max(1, changes))
    out = sys.stdout.buffer
    time = 1_600_000_000
    for number in range(commits):
        time += 60
        out.write(b"commit refs/heads/main\n")
        out.write(b"author Bench Author <author@example.com> %d +0000\n" % time)
        out.write(b"committer Bench Committer <committer@example.com> %d +0000\n" % time)
        if number == 0:
            data(out, "Add owners and budgets\n")
            out.write(b"M 100644 inline .budgets/owners.yaml\n")
            data(out, OWNERS)
            for index in range(budgets):
                out.write(b"M 100644 inline .budgets/models/model-%04d.yaml\n" % index)
                data(out, budget(index, values[index]))
            continue
        changed = number % every == 0 and number // every <= changes
        if changed:
            index = rng.randrange(budgets)
            key = rng.choice(["latency", "memory", "precision", "cost"])
            old = values[index][key]
            while values[index][key] == old:
                values[index][key] = {"latency": rng.randrange(50, 300), "memory": rng.randrange(256, 4096),
                                      "precision": rng.randrange(80, 99), "cost": rng.randrange(10, 90)}[key]
            data(out, f"Change {key} of model-{index:04d}\n\nBudget-Rationale: benchmark change {number}\n")
            out.write(b"M 100644 inline .budgets/models/model-%04d.yaml\n" % index)
            data(out, budget(index, values[index]))
        else:
            data(out, f"Work {number}\n")
        out.write(b"M 100644 inline src/file-%03d.txt\n" % (number % 500))
        data(out, f"content {number}\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
