#!/usr/bin/env python3
"""Writes a `git fast-import` stream that adds fifteen unusual runs to refs/bursar/runs of the
repository in GIT_DIR (one of bench/history-runs.sh's, with at least three budgets recorded),
each a copy of its first run changed one way, and one run of a commit that is not in history.

They are what a reader of runs must treat exactly as before when it takes a shortcut: a
recorder name with quotes, CJK and an emoji; the shown budget's name as a figure's value of
another; a budget whose name starts with it; a syntax error among the other budgets; a damaged
figure of another budget and of model-0002; the name written with an escape; the budget twice;
`format: 2`; another environment; a truncated file; an unknown key holding escaped surrogates;
a byte order mark; spaces and newlines between budgets; `measured_at`. Their ids are not their
content's, so a full read refuses them all and a read of one budget takes those it can.

usage: GIT_DIR=COPY.git bench/history-runs-edge.py | git --git-dir=COPY.git fast-import --done
"""
import json, subprocess, sys
git = lambda *a: subprocess.check_output(["git", *a]).decode()
files = git("ls-tree", "-r", "--name-only", "refs/bursar/runs").split()
commits = git("rev-list", "--first-parent", "main").split()
base = json.loads(git("show", "refs/bursar/runs:" + files[0]))
out = sys.stdout.buffer
out.write(b"commit refs/bursar/runs\ncommitter CI <ci@example.com> 1700000000 +0000\ndata 5\nedge\nfrom refs/bursar/runs^0\n")
def put(commit, rid, raw):
    out.write(f"M 100644 inline runs/{commit[:2]}/{commit}/{rid}.json\n".encode())
    out.write(b"data %d\n" % len(raw)); out.write(raw); out.write(b"\n")
def doc(commit, n, edit):
    d = json.loads(json.dumps(base)); d["commit"] = commit
    d["recorded_at"] = "2025-01-%02dT10:00:00.000Z" % (n % 28 + 1)
    edit(d)
    rid = ("%032x" % (0xabc0000 + n))
    d["id"] = rid
    return rid, d
n = 0
def add(edit, raw_edit=None, commit_index=None):
    global n
    n += 1
    c = commits[commit_index if commit_index is not None else 3 + 7 * n]
    rid, d = doc(c, n, edit)
    raw = (json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
    if raw_edit: raw = raw_edit(raw)
    put(c, rid, raw)
add(lambda d: d["recorder"].update(name="Zoë \"model-0002\" 山田 😀"))
add(lambda d: d["budgets"][0]["figures"][0].update(value="model-0002"))
add(lambda d: d["budgets"].insert(0, {"name": "model-0002x", "figures": [{"kind": "summary", "metric": "latency_p95", "value": "1ms"}]}))
add(lambda d: None, lambda r: r.replace(b'"name":"model-0001"', b'"name":"model-0001",'))  # syntax error
add(lambda d: d["budgets"][1]["figures"][0].update(value="fast"))  # damaged figure of another budget
add(lambda d: d["budgets"][2]["figures"][0].update(value="fast"))  # damaged figure of model-0002
add(lambda d: None, lambda r: r.replace(b'"name":"model-0002"', b'"name":"model\\u002d0002"'))  # escaped name
add(lambda d: d["budgets"].append(dict(d["budgets"][2])))  # model-0002 twice
add(lambda d: d.update(format=2))
add(lambda d: d.update(environment="staging"))
add(lambda d: None, lambda r: r[:-30])  # truncated
add(lambda d: None, lambda r: r.replace(b'"source"', b'"extra":{"deep":[1,2,{"x":"\\ud83d\\ude00"}]},"source"'))
add(lambda d: None, lambda r: b"\xef\xbb\xbf" + r)  # BOM
add(lambda d: None, lambda r: r.replace(b'"budgets":[', b'"budgets" : [ ', 1).replace(b'},{', b'} ,\n {'))
add(lambda d: d.update(measured_at="2024-02-02T10:00:00.000Z"))
# a run whose commit is not in history
fake = "0123456789abcdef0123456789abcdef01234567"
rid, d = doc(fake, 99, lambda d: None)
put(fake, rid, (json.dumps(d, sort_keys=True, separators=(",", ":")) + "\n").encode())
out.write(b"done\n")
