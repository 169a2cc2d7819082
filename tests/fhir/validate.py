#!/usr/bin/env python3
"""Validates FHIR R4 resources (JSON files) with the fhir.resources models.

Not our own code: the models are generated from the FHIR 4.0.1
specification. A resource is refused for an unknown element, a value of the
wrong type or a missing required element; a Bundle's entries are checked as
the resources they are. Exits 1 on the first file refused, naming it.

    validate.py FILE...
"""
import json
import sys

from fhir.resources import get_fhir_model_class


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        kind = data.get("resourceType")
        try:
            model = get_fhir_model_class(kind)
            model.parse_obj(data)
        except Exception as e:  # the validator's message is the report
            print(f"{path}: not a valid FHIR R4 {kind}:\n{e}", file=sys.stderr)
            return 1
        print(f"{path}: valid FHIR R4 {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
