"""Validates the committed state fixtures (and a freshly written state) against the JSON Schemas in schemas/."""
import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((ROOT / "schemas/onboarding-state.v1.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
failures = 0
paths = sorted((ROOT / "tests/fixtures/states").glob("v1_*.json")) + [pathlib.Path(p) for p in sys.argv[1:]]
for path in paths:
    errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    for e in errors:
        print(f"{path.name}: {'/'.join(map(str, e.path))}: {e.message}")
    failures += len(errors)
    print(f"{path.name}: {'ok' if not errors else 'INVALID'}")
# The schema must also refuse what the library refuses: a password field, an unknown step.
bad = json.loads((ROOT / "tests/fixtures/states/v1_complete.json").read_text(encoding="utf-8"))
for mutate in (lambda d: d.__setitem__("password", "0000"), lambda d: d["steps"].__setitem__("fly", {"on": "2019-01-01", "evidence": {"type": "none"}})):
    d = json.loads(json.dumps(bad))
    mutate(d)
    if validator.is_valid(d):
        print("schema accepted an invalid state"); failures += 1
sys.exit(1 if failures else 0)
