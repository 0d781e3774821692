#!/usr/bin/env python3
"""Checks scenario files against docs/scenario.schema.json (JSON Schema 2020-12), so the
published schema keeps up with the format the core reads.

    scripts/check-schema.py FILE... [--invalid FILE...]

Files before --invalid must conform; files after it must not (a file the core refuses
for a bound the schema states). Prints one line per file and exits 1 on any surprise."""
import json
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
schema = json.loads((ROOT / "docs/scenario.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

args = sys.argv[1:]
cut = args.index("--invalid") if "--invalid" in args else len(args)
valid, invalid = args[:cut], args[cut + 1:]
failures = 0
for name, want_valid in [(f, True) for f in valid] + [(f, False) for f in invalid]:
    errors = list(validator.iter_errors(json.loads(Path(name).read_text())))
    if want_valid and errors:
        failures += 1
        for e in errors[:5]:
            where = "/".join(map(str, e.absolute_path)) or "(top level)"
            print(f"{name}: does not conform at {where}: {e.message[:200]}")
    elif not want_valid and not errors:
        failures += 1
        print(f"{name}: conforms, but it should not")
    else:
        print(f"{name}: {'conforms' if want_valid else 'refused, as it should be'}")
sys.exit(1 if failures else 0)
