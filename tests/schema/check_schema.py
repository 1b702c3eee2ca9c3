#!/usr/bin/python3
"""Validate shipped content against scenarios/parley.schema.json with a real JSON Schema
validator (Draft 2020-12, Debian's python3-jsonschema).

usage: /usr/bin/python3 check_schema.py DIR

Checks DIR/competencies.json, DIR/personas/*.json and DIR/library/**/*.json against
DIR/parley.schema.json. Prints each problem as `FILE: /pointer: message`, then a summary.
Exits 1 when any file fails, or when there are no files at all (an empty check proves
nothing).
"""
import glob
import json
import os
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:  # pragma: no cover - the message is the point
    sys.exit("check_schema.py needs Debian's python3-jsonschema: run it with /usr/bin/python3")


def pointer(path):
    """A JSON pointer (RFC 6901) for a jsonschema error path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def content_files(root):
    files = []
    model = os.path.join(root, "competencies.json")
    if os.path.isfile(model):
        files.append(model)
    files += sorted(glob.glob(os.path.join(root, "personas", "*.json")))
    files += sorted(glob.glob(os.path.join(root, "library", "**", "*.json"), recursive=True))
    return files


def explain(error):
    """The error that says what is wrong. Under a oneOf failure (a condition matching no
    form) follow the alternative that got deepest into the value; when none got past the
    value itself, the oneOf's own message ("… is not valid under any of the given
    schemas") is the honest one."""
    while error.context:
        depth = len(error.absolute_path)
        deeper = [e for e in error.context if len(e.absolute_path) > depth]
        if not deeper:
            break
        deepest = max(len(e.absolute_path) for e in deeper)
        error = best_match([e for e in deeper if len(e.absolute_path) == deepest])
    message = error.message
    if len(message) > 200:
        message = message[:200] + "…"
    return pointer(error.absolute_path), message


def main(argv):
    if len(argv) != 2:
        print("usage: check_schema.py DIR", file=sys.stderr)
        return 2
    root = argv[1]
    schema_file = os.path.join(root, "parley.schema.json")
    try:
        with open(schema_file, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"{schema_file}: : cannot use the schema: {e}")
        return 1
    except Exception as e:  # jsonschema.SchemaError
        print(f"{schema_file}: : the schema is not valid Draft 2020-12: {getattr(e, 'message', e)}")
        return 1
    validator = Draft202012Validator(schema)

    files = content_files(root)
    if not files:
        print(f"{root}: no content files found (competencies.json, personas/*.json, library/**/*.json)")
        return 1

    failed = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, UnicodeDecodeError, ValueError) as e:
            print(f"{path}: : not valid JSON: {e}")
            failed += 1
            continue
        problems = {explain(error) for error in validator.iter_errors(doc)}
        for ptr, message in sorted(problems):
            print(f"{path}: {ptr}: {message}")
        if problems:
            failed += 1

    valid = len(files) - failed
    print(f"{valid} files valid" + (f", {failed} invalid" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
