#!/usr/bin/env python3
"""The figures a tool's output holds, read with Python's csv and json modules: the oracle the
importer tests compare bursar's importers against.

Usage: oracle.py TOOL FILE  → a JSON list of {name, labels, statistic, kind, values, times}.
"""
import csv, json, sys

tool, path = sys.argv[1], sys.argv[2]
figures = []


def add(name, labels, statistic, kind, values, times=None):
    figures.append({"name": name, "labels": labels, "statistic": statistic, "kind": kind,
                    "values": values, "times": times or []})


def number(text):
    return None if text in ("", "N/A") else float(text)


if tool == "locust":
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    history = "Timestamp" in (rows[0].keys() if rows else [])
    groups = {}
    for row in rows:
        labels = {"Type": row["Type"]} if row.get("Type") else {}
        for column, text in row.items():
            if column in ("Type", "Name", "Timestamp"):
                continue
            value = number(text)
            if history:
                key = (row.get("Type", ""), row["Name"], column)
                group = groups.setdefault(key, (labels, [], []))
                if value is not None:
                    group[1].append(float(row["Timestamp"]))
                    group[2].append(value)
            elif value is not None:
                add(row["Name"], labels, column, "number", [value])
    for (_, name, column), (labels, times, values) in groups.items():
        if values:
            add(name, labels, column, "series", values, times)
elif tool == "pytest-benchmark":
    for bench in json.load(open(path))["benchmarks"]:
        labels = {"fullname": bench["fullname"]}
        if bench.get("group") is not None:
            labels["group"] = bench["group"]
        for key, value in bench["stats"].items():
            if isinstance(value, list):
                add(bench["name"], labels, key, "samples", [float(v) for v in value])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                add(bench["name"], labels, key, "number", [float(value)])
elif tool == "prometheus":
    data = json.load(open(path))["data"]
    if data["resultType"] == "scalar":
        add("", {}, "value", "number", [float(data["result"][1])])
    for item in data["result"] if data["resultType"] != "scalar" else []:
        labels = dict(item.get("metric", {}))
        name = labels.pop("__name__", "")
        if data["resultType"] == "vector":
            add(name, labels, "value", "number", [float(item["value"][1])])
        else:
            add(name, labels, "value", "series", [float(v) for _, v in item["values"]],
                [float(t) for t, _ in item["values"]])
elif tool == "mlflow":
    document = json.load(open(path))
    if "run" in document:
        info = document["run"]["info"]
        labels = {k: info[k] for k in ("run_id", "experiment_id", "run_name") if k in info}
        for metric in document["run"]["data"].get("metrics", []):
            add(metric["key"], labels, "latest", "number", [float(metric["value"])])
    else:
        series = {}
        for metric in document.get("metrics", []):
            entry = series.setdefault(metric["key"], ({"run_id": metric["run_id"]} if "run_id" in metric else {}, [], []))
            entry[1].append(metric["timestamp"] / 1000)
            entry[2].append(float(metric["value"]))
        for key, (labels, times, values) in series.items():
            add(key, labels, "history", "series", values, times)
elif tool == "k6":
    for key, stats in json.load(open(path))["metrics"].items():
        name, labels = key, {}
        if key.endswith("}") and "{" in key:
            name, tags = key[:-1].split("{", 1)
            labels = dict(tag.split(":", 1) for tag in tags.split(","))
        for statistic, value in stats.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                add(name, labels, statistic, "number", [float(value)])
else:
    sys.exit(f"unknown tool {tool}")

# Numbers as their shortest round-trip text, so the reader of this output parses them exactly.
for figure in figures:
    figure["values"] = [repr(v) for v in figure["values"]]
    figure["times"] = [repr(t) for t in figure["times"]]
json.dump(figures, sys.stdout)
