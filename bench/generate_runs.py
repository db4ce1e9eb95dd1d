#!/usr/bin/env python3
"""git fast-import streams for the recorded-runs reading benchmark (bench/record.sh).

  python3 bench/generate_runs.py main COMMITS | git fast-import --quiet
      COMMITS commits on main, each changing one small file.
  git rev-list main | python3 bench/generate_runs.py runs PER_COMMIT | git fast-import --quiet
      one commit of refs/bursar/runs holding PER_COMMIT runs of every commit read on standard
      input, each a format-1 run of one summary figure, written byte for byte as
      `bursar record` writes it, its id the SHA-256 of its bytes with an empty id.
"""
import hashlib
import sys

out = sys.stdout.buffer
when = 1764000000


def data(payload):
    out.write(b"data %d\n" % len(payload))
    out.write(payload)
    out.write(b"\n")


def run_bytes(commit, index, run_id):
    latency = 100 + (index * 7 + int(commit[:4], 16)) % 50
    return (
        '{"budgets":[{"figures":[{"kind":"summary","metric":"latency_p95","value":"%dms"}],'
        '"name":"fraud"}],"commit":"%s","environment":"production","format":1,"id":"%s",'
        '"recorded_at":"2025-11-24T16:%02d:%02d.%03dZ","recorder":{"email":"ci@example.com",'
        '"name":"CI"},"source":{"file":"m.json","format":"json","tool":"bursar"}}\n'
        % (latency, commit, run_id, index // 60 % 60, index % 60, index % 1000)
    ).encode()


def main_branch(count):
    for number in range(1, count + 1):
        out.write(b"commit refs/heads/main\nmark :%d\n" % number)
        out.write(b"committer Bench <bench@example.com> %d +0000\n" % (when + number * 60))
        data(b"commit %d" % number)
        if number > 1:
            out.write(b"from :%d\n" % (number - 1))
        out.write(b"M 100644 inline f.txt\n")
        data(b"%d\n" % number)
        out.write(b"\n")


def runs(per_commit):
    out.write(b"commit refs/bursar/runs\n")
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % when)
    data(b"Record runs")
    for line in sys.stdin:
        commit = line.strip()
        if not commit:
            continue
        for index in range(per_commit):
            run_id = hashlib.sha256(run_bytes(commit, index, "")).hexdigest()[:32]
            path = "runs/%s/%s/%s.json" % (commit[:2], commit, run_id)
            out.write(b"M 100644 inline %s\n" % path.encode())
            data(run_bytes(commit, index, run_id))
    out.write(b"\n")


if sys.argv[1] == "main":
    main_branch(int(sys.argv[2]))
else:
    runs(int(sys.argv[2]))
