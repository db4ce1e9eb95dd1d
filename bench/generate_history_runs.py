#!/usr/bin/env python3
"""Writes a `git fast-import` stream of recorded runs on refs/bursar/runs.

Reads first-parent commit ids (newest first, one a line) on standard input and records RUNS
runs on every STEP-th of them, each with the figures of the first METRICS metrics of the
budgets bench/generate_history.py writes (model-0000's seven metrics, then model-0001's…), in
production. The files are bursar's stored run (format 1, docs/json.md): keys sorted, compact,
and the id the SHA-256 of the run without it, so `bursar` reads them as if `bursar record`
had written them. Deterministic for a given seed.

usage: git rev-list --first-parent HEAD | generate_history_runs.py RUNS METRICS [STEP] [SEED] | git fast-import
"""
import hashlib
import json
import random
import sys

METRICS = [
    ("latency_p95", lambda r: f"{r.randrange(40, 60)}ms"),
    ("latency_p99", lambda r: f"{r.randrange(80, 120)}ms"),
    ("availability", lambda r: f"{r.choice(['99.95', '99.97', '99.99'])}%"),
    ("memory", lambda r: f"{r.randrange(200, 250)}MiB"),
    ("precision", lambda r: f"0.{r.randrange(97, 99)}"),
    ("recall", lambda r: f"0.{r.randrange(90, 95)}"),
    ("cost_per_1k", lambda r: f"0.0{r.randrange(5, 9)} USD"),
]


def run_document(commit, number, metrics, rng):
    budgets = []
    for index in range((metrics + len(METRICS) - 1) // len(METRICS)):
        count = min(len(METRICS), metrics - index * len(METRICS))
        figures = [
            {"kind": "summary", "metric": name, "value": value(rng)}
            for name, value in METRICS[:count]
        ]
        budgets.append({"figures": figures, "name": f"model-{index:04d}"})
    seconds = 1_700_000_000 + number * 600
    document = {
        "budgets": budgets, "commit": commit, "environment": "production", "format": 1,
        "id": "", "recorded_at": f"{iso(seconds)}.000Z",
        "recorder": {"email": "ci@example.com", "name": "CI"},
        "source": {"file": "m.json", "format": "json", "tool": "bursar"},
    }
    unsigned = encode(document)
    document["id"] = hashlib.sha256(unsigned).hexdigest()[:32]
    return document["id"], encode(document)


def encode(document):
    return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode()


def iso(seconds):
    import datetime
    moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def main():
    runs, metrics = int(sys.argv[1]), int(sys.argv[2])
    step = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    commits = [line.strip() for line in sys.stdin if line.strip()]
    chosen = commits[::step][:runs]
    out = sys.stdout.buffer
    out.write(b"commit refs/bursar/runs\n")
    out.write(b"committer CI <ci@example.com> 1700000000 +0000\n")
    message = f"Record {len(chosen)} runs\n".encode()
    out.write(b"data %d\n%s\n" % (len(message), message))
    for number, commit in enumerate(reversed(chosen)):
        run_id, raw = run_document(commit, number, metrics, rng)
        out.write(f"M 100644 inline runs/{commit[:2]}/{commit}/{run_id}.json\n".encode())
        out.write(b"data %d\n" % len(raw))
        out.write(raw)
        out.write(b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
