#!/usr/bin/env python3
"""Validate budget files against the JSON Schemas in schemas/, as an editor or CI would.

Each file is read with PyYAML and checked with the `jsonschema` package (draft 2020-12, with
format checks) against the schema its `kind:` names. This is the schemas' own check, not
bursar's: bursar's validator is stricter (see docs/format.md).

    python3 scripts/schema_check.py [--schemas DIR] [--json] FILE...

Prints one line per file (`--json`: one JSON object per line with path, kind, valid, errors)
and exits 0 when every file is valid, 1 when any is not, 2 on bad usage.
"""

import argparse
import datetime
import json
import pathlib
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:  # pragma: no cover - reported, not raised
    sys.exit(f"schema_check.py needs PyYAML and jsonschema ({missing}); run `make test-deps`")

KINDS = {
    "Owners": "owners.schema.json",
    "Budget": "budget.schema.json",
    "Exception": "exception.schema.json",
    "Approval": "approval.schema.json",
    "Import": "import.schema.json",
}


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader without implicit timestamps.

    Without this, `starts: 2026-11-20` would load as a date object and `2026-1-5` would be
    normalised to 2026-01-05; an editor sees the text as written, and so should the schema.
    """


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def plain(value):
    """The value with any remaining date objects (explicit tags) as ISO text, for JSON."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load_validators(folder):
    validators = {}
    for kind, name in KINDS.items():
        schema = json.loads((folder / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    return validators


def check(path, validators):
    """The file's kind (or None) and its problems as `location: message` lines."""
    try:
        document = plain(yaml.load(pathlib.Path(path).read_text(encoding="utf-8"), Loader=Loader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return None, [f"cannot read YAML: {' '.join(str(error).split())}"]
    kind = document.get("kind") if isinstance(document, dict) else None
    if kind not in validators:
        return None, [f"no schema for kind {kind!r}; expected one of {', '.join(KINDS)}"]
    errors = sorted(validators[kind].iter_errors(document), key=lambda error: list(error.path))
    return kind, [f"/{'/'.join(map(str, error.path))}: {error.message}" for error in errors]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", default=str(pathlib.Path(__file__).parent.parent / "schemas"))
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    validators = load_validators(pathlib.Path(arguments.schemas))
    failed = False
    for path in arguments.files:
        kind, errors = check(path, validators)
        failed = failed or bool(errors)
        if arguments.json:
            print(json.dumps({"path": path, "kind": kind, "valid": not errors, "errors": errors}))
        else:
            print(f"{path}: ok" if not errors else "\n".join(f"{path}: {line}" for line in errors))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
