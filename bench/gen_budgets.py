#!/usr/bin/env python3
"""Generate a realistic `.budgets/` tree for benchmarks: an owners file, N budgets, exceptions.

    python3 bench/gen_budgets.py --count 10000 --out DIR [--seed 7] [--exceptions 200]

Writes DIR/.budgets/owners.yaml, DIR/.budgets/models/TEAM/NAME.yaml (30 to 60 lines each, in the
mixed flow and block styles people write) and DIR/.budgets/exceptions/EXC-….yaml. The same
arguments always give the same bytes, and every file is valid for `bursar validate`.
"""

import argparse
import pathlib
import random

TEAMS = ["sre", "ml-eng", "data-eng", "product", "legal", "platform", "search", "ads"]
KEYS = [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxmR9AxbSYJMLoiFlVa8EeJZ6tOtOMHuEKAlD+jBSAp",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAION9yUjuiX+Apkf7t7onRvCrNboP0+Q5gI0dxo/VJCt2",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPA1o9TslWoSgkO3o65LUDAACdjAXdMBtbO2Krx38JsN",
]
DIMENSIONS = {
    "latency": ["sre"],
    "resources": ["sre", "platform"],
    "cost": ["sre", "product"],
    "quality": ["ml-eng"],
    "data": ["data-eng"],
    "fairness": ["ml-eng", "product", "legal"],
}
WORDS = [
    "fraud", "search", "ranking", "recommender", "churn", "pricing", "vision", "speech", "spam",
    "intent", "embedding", "forecast", "anomaly", "ocr", "translation", "feed", "ads", "risk",
]

# Metric templates: name, dimension, shape, and a generator of values.
METRICS = [
    ("latency_p50", "latency", "max", lambda r: f"{r.randint(5, 80)}ms"),
    ("latency_p95", "latency", "max", lambda r: f"{r.randint(50, 400)}ms"),
    ("latency_p99", "latency", "max", lambda r: f"{r.choice([0.3, 0.5, 0.8, 1.2])}s"),
    ("availability", "latency", "slo", lambda r: f"{r.choice(['99.9', '99.95', '99.99'])}%"),
    ("success_rate", "latency", "slo", lambda r: f"{r.choice(['99', '99.5', '99.9'])}%"),
    ("throughput", "latency", "min", lambda r: f"{r.randint(2, 90) * 50}/s"),
    ("memory", "resources", "max", lambda r: f"{r.choice([512, 768, 1024])}MiB"),
    ("gpu_memory", "resources", "max", lambda r: f"{r.choice([8, 12, 16, 24, 40])}GiB"),
    ("model_size", "resources", "max", lambda r: f"{r.choice([0.5, 1.5, 3])}GB"),
    ("cost_per_1k", "cost", "max", lambda r: f"{r.randint(1, 90) / 100:.2f} USD"),
    ("energy_per_1k", "cost", "max", lambda r: f"{r.randint(5, 90)}J"),
    ("precision", "quality", "min", lambda r: f"{r.randint(80, 98) / 100:.2f}"),
    ("recall", "quality", "min", lambda r: f"{r.randint(70, 95)}%"),
    ("accuracy_vs_baseline", "quality", "slo", lambda r: f"{r.randint(90, 98)}%"),
    ("false_positive_rate", "quality", "max", lambda r: f"{r.randint(1, 8)}%"),
    ("prediction_rate", "quality", "band", lambda r: (f"{r.randint(1, 5)}%", f"{r.randint(10, 30)}%")),
    ("feature_freshness", "data", "max", lambda r: f"{r.choice([1, 6, 12, 24])}h"),
    ("feature_completeness", "data", "min", lambda r: f"{r.choice(['99', '99.5', '99.9'])}%"),
    ("stale_features", "data", "max", lambda r: f"{r.randint(1, 5)}%"),
    ("fpr_gap_groups", "fairness", "max", lambda r: f"{r.randint(2, 6)}%"),
    ("accuracy_gap_groups", "fairness", "max", lambda r: f"{r.randint(2, 6)}%"),
]


def owners():
    lines = ["# Who owns which metrics, and who signs off what.", "version: 1", "kind: Owners", "teams:"]
    for index, team in enumerate(TEAMS):
        lines += [f"  {team}:", "    members:"]
        for person in range(2):
            name = f"{team.replace('-', '')}{person + 1}"
            key = KEYS[(index + person) % len(KEYS)]
            lines += [
                f"      - name: {name}",
                f"        email: {name}@example.com",
                f'        keys: ["{key} {name}@example.com"]',
            ]
    lines.append("dimensions:")
    for dimension, teams in DIMENSIONS.items():
        require = ", require: all" if len(teams) > 1 else ""
        lines.append(f"  {dimension}: {{ owners: [{', '.join(teams)}]{require} }}")
    lines += [
        "rules:",
        "  loosen: owners",
        "  tighten: none",
        "  add: owners",
        "  remove: owners",
        "  exception: owners",
        "  max_exception_days: 90",
        "  signatures: required",
        "  self_approval: false",
        "governance: { owners: [sre, ml-eng], require: all }",
    ]
    return "\n".join(lines) + "\n"


def metric_fields(shape, value):
    if shape == "band":
        return [("min", value[0]), ("max", value[1])]
    if shape == "slo":
        return [("slo", value), ("window", "30d")]
    return [(shape, value)]


def budget(rng, index):
    """One budget of 30 to 60 lines, and the metrics an exception may loosen."""
    name = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}-{index:05d}"
    team = rng.choice(TEAMS)
    target = rng.randint(30, 60)
    lines = [
        f"# Budget for the {name.rsplit('-', 1)[0].replace('-', ' ')} model.",
        "version: 1",
        "kind: Budget",
        f"name: {name}",
        f"owner: {team}",
        f"description: Serving budget for {name}, reviewed quarterly.",
        "metrics:",
    ]
    chosen = rng.sample(METRICS, len(METRICS))
    caps = {}
    environments = ["staging", "canary"][: rng.randint(1, 2)]
    reserve = 1 + 2 * len(environments)
    for metric, dimension, shape, make in chosen:
        fields = metric_fields(shape, make(rng))
        block = rng.random() < 0.5
        needed = 3 + len(fields) if block else 1
        if len(lines) + needed + reserve > target:
            continue
        if block:
            lines.append(f"  {metric}:")
            lines.append(f"    dimension: {dimension}")
            lines += [f"    {key}: {value}" for key, value in fields]
            lines.append(f"    description: {metric.replace('_', ' ')} as measured at the edge.")
        else:
            inner = ", ".join(f"{key}: {value}" for key, value in fields)
            lines.append(f"  {metric + ':':<22} {{ dimension: {dimension}, {inner} }}")
        if shape == "max" and metric.startswith("latency"):
            caps[metric] = fields[0][1]
    lines.append("environments:")
    loosened = next(iter(caps), None)
    for environment in environments:
        lines.append(f"  {environment}:")
        if loosened:
            lines.append(f"    {loosened}: {{ max: {double(caps[loosened])} }}")
        else:
            lines[-1] += " {}"
    while len(lines) < target:
        lines.insert(6, f"# Reviewed {2020 + len(lines) % 6}-0{1 + len(lines) % 9}: no change.")
    return name, "\n".join(lines) + "\n", caps


def double(quantity):
    """Twice a duration such as `120ms` or `0.5s`, so an override or exception loosens it."""
    unit = "ms" if quantity.endswith("ms") else "s"
    number = float(quantity[: -len(unit)]) * 2
    return f"{number:g}{unit}"


def exception(rng, number, budget_name, caps):
    metric, cap = rng.choice(sorted(caps.items()))
    day = rng.randint(1, 20)
    return "\n".join([
        "version: 1",
        "kind: Exception",
        f"id: EXC-2026-{number:04d}",
        f"budget: {budget_name}",
        "environment: production",
        "metrics:",
        f"  {metric}: {{ max: {double(cap)} }}",
        "reason: Peak traffic while two extra replicas are provisioned.",
        f"ticket: OPS-{1000 + number}",
        f"starts: 2026-11-{day:02d}",
        f"expires: 2026-12-{day + 5:02d}",
    ]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of budget files")
    parser.add_argument("--out", required=True, help="folder to create .budgets/ in")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exceptions", type=int, default=None, help="default: one per 50 budgets")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    root = pathlib.Path(arguments.out) / ".budgets"
    (root / "exceptions").mkdir(parents=True, exist_ok=True)
    (root / "owners.yaml").write_text(owners(), encoding="utf-8")
    loosenable = []
    for index in range(arguments.count):
        name, text, caps = budget(rng, index)
        folder = root / "models" / rng.choice(TEAMS)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        if caps:
            loosenable.append((name, caps))
    wanted = arguments.exceptions if arguments.exceptions is not None else arguments.count // 50
    for number, (name, caps) in enumerate(rng.sample(loosenable, min(wanted, len(loosenable)))):
        (root / "exceptions" / f"EXC-2026-{number:04d}.yaml").write_text(
            exception(rng, number, name, caps), encoding="utf-8")


if __name__ == "__main__":
    main()
