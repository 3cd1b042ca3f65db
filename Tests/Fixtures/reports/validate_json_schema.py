"""Validates a JSON document against a JSON schema (draft 4 or 7); prints one line per error, exits 1 on errors.

Usage: python3 validate_json_schema.py SCHEMA DOCUMENT
Patterns are checked with the `regex` module because OSCAL's schema uses \\p{L} classes that `re` lacks.
"""
import json
import sys

import jsonschema
import regex


def pattern(validator, expected, instance, schema):
    if validator.is_type(instance, "string") and not regex.search(expected, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {expected!r}")


def main():
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(document_path, encoding="utf-8") as handle:
        document = json.load(handle)
    base = jsonschema.validators.validator_for(schema)
    validator_class = jsonschema.validators.extend(base, {"pattern": pattern})
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        print(f"/{path}: {error.message[:300]}")
    sys.exit(1 if errors else 0)


main()
