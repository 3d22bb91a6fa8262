#!/usr/bin/env python3
"""Validates every scenarios/*.json against tools/schema/scenario.schema.json, and checks that
deliberately broken documents are rejected. Exit status 0 when all hold, 1 otherwise.
Usage: check_scenarios.py [REPO_ROOT]"""
import copy
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
schema = json.loads((root / "tools/schema/scenario.schema.json").read_text())
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
failures = 0

files = sorted((root / "scenarios").glob("*.json"))
if not files:
    print("no scenarios found under", root / "scenarios")
    sys.exit(1)
for path in files:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for e in errors:
        print(f"{path.name}: /{'/'.join(map(str, e.path))}: {e.message}")
    failures += bool(errors)

quickstart = json.loads((root / "scenarios/quickstart.json").read_text())


def broken(mutate):
    doc = copy.deepcopy(quickstart)
    mutate(doc)
    return doc


bad_documents = {
    "unknown top-level key": broken(lambda d: d.update(simulaton={})),
    "unknown policy": broken(lambda d: d["scheduler"].update(policy="fastest")),
    "zero fogs": broken(lambda d: d["regions"][0].update(fogs=0)),
    "bandwidth as a boolean": broken(lambda d: d["links"]["device_edge"].update(bandwidth=True)),
    "unknown arrival process": broken(lambda d: d["workloads"][0]["arrival"].update(process="x")),
    "23 hourly multipliers": broken(lambda d: d["workloads"][0].update(
        arrival={"process": "diurnal", "rate": 1, "hourly": [1] * 23})),
    "missing regions": broken(lambda d: d.pop("regions")),
}
for what, doc in bad_documents.items():
    if validator.is_valid(doc):
        print(f"schema accepted a bad document: {what}")
        failures += 1

print(f"{len(files)} scenario files, {len(bad_documents)} bad documents, {failures} failures")
sys.exit(1 if failures else 0)
