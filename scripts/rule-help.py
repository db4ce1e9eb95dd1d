#!/usr/bin/env python3
"""Writes Sources/BursarCommands/Output/RuleHelp.swift from the rule sections of docs/format.md.

Run from the repository root after changing a rule's first paragraph or its `Fix:` paragraph;
a test (SARIFHelpTests) holds the two equal.
"""
import re

lines = open("docs/format.md", encoding="utf-8").read().split("\n")
rules = []
i = 0
while i < len(lines):
    heading = re.match(r"^#### ([a-z-]+)$", lines[i])
    if heading:
        j = i + 1
        while lines[j].strip() == "":
            j += 1
        paragraph = []
        while lines[j].strip() != "":
            paragraph.append(lines[j].strip())
            j += 1
        fix = ""
        k = j
        while k < len(lines) and not lines[k].startswith("#"):
            if lines[k].startswith("Fix:"):
                words = []
                while k < len(lines) and lines[k].strip() != "":
                    words.append(lines[k].strip())
                    k += 1
                fix = " ".join(words)[len("Fix: "):]
                fix = fix[:1].upper() + fix[1:]
                break
            k += 1
        rules.append((heading.group(1), " ".join(paragraph), fix))
    i += 1


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


out = [
    "/// What each rule means and how to fix it, as `docs/format.md` says under the rule's heading;",
    "/// SARIF carries it, as code scanning shows it beside each alert. A test keeps the two equal",
    "/// (`scripts/rule-help.py` writes this file from the docs).",
    "enum RuleHelp {",
    "  struct Entry {",
    "    /// The rule's first paragraph in `docs/format.md`.",
    "    var description: String",
    "    /// Its `Fix:` paragraph.",
    "    var fix: String",
    "  }",
    "",
    "  /// The help of a rule, or a pointer to the format reference for a rule not listed yet.",
    "  static func of(_ rule: String) -> Entry {",
    "    entries[rule]",
    "      ?? Entry(",
    '        description: "See rule `\\(rule)` in the bursar file format reference (docs/format.md).",',
    '        fix: "See rule `\\(rule)` in the bursar file format reference (docs/format.md).")',
    "  }",
    "",
    "  static let entries: [String: Entry] = [",
]
for rule, description, fix in rules:
    out += [
        f"    {quoted(rule)}: Entry(",
        "      description:",
        f"        {quoted(description)},",
        "      fix:",
        f"        {quoted(fix)}),",
    ]
out += ["  ]", "}"]
with open("Sources/BursarCommands/Output/RuleHelp.swift", "w", encoding="utf-8") as file:
    file.write("\n".join(out) + "\n")

# Formatted as the rest of the sources, so running this script and `swift format` agree.
import subprocess

subprocess.run(
    ["swift", "format", "--in-place", "Sources/BursarCommands/Output/RuleHelp.swift"], check=True
)
