#!/usr/bin/env python3
"""Extracts the Webex operations the bot calls from the official Webex OpenAPI specs.

Reads webex-meeting.json and webex-messaging.json (github.com/webex/webex-openapi-specs,
public-spec/) and writes, for each, an extract holding only the operations listed in
OPERATIONS plus every component they reference, directly or through other components.
The contract tests (src/test/java/io/github/recordingbot/support/WebexContract.java)
validate the bot's requests and every fake Webex answer against these extracts.

One change besides leaving things out, listed in the README next to the extracts: a
query parameter whose description states its range in words ("`max` must be equal to or
greater than `1` and equal to or less than `100`") gets that range as minimum/maximum,
so a validator can enforce what the spec only says in prose.

Usage: python3 scripts/extract-webex-spec.py [SPEC_DIR] [OUT_DIR]
  SPEC_DIR defaults to ../shared/webex-openapi (beside the repository),
  OUT_DIR to src/test/resources/webex-openapi. Python 3 standard library only.
"""

import copy
import json
import re
import sys
from pathlib import Path

# Every Webex REST operation the bot sends to the API base URL (WebexClient). The U2C
# catalog and the device service (websocket/DeviceRegistry) are not in these specs, nor
# are the OAuth endpoints /authorize and /access_token (Spring Security calls them).
OPERATIONS = {
    "webex-messaging.json": [
        ("get", "/people/me"),
        ("get", "/people/{personId}"),
        ("get", "/messages/{messageId}"),
        ("post", "/messages"),
        ("get", "/attachment/actions/{id}"),
        ("get", "/rooms/{roomId}"),
        ("get", "/webhooks"),
        ("post", "/webhooks"),
        ("put", "/webhooks/{webhookId}"),
        ("delete", "/webhooks/{webhookId}"),
    ],
    "webex-meeting.json": [
        ("get", "/admin/meetings"),
        ("get", "/admin/meetings/{meetingId}"),
        ("get", "/admin/recordings"),
        ("get", "/recordings/{recordingId}"),
        ("get", "/meetingPreferences/personalMeetingRoom"),
    ],
}

PATH_LEVEL_KEYS = ("parameters", "servers", "summary", "description")

RANGE_IN_WORDS = re.compile(
    r"must be equal to or greater than `(\d+)` and equal to or less than `(\d+)`")

REF = "$ref"


def refs(node):
    """Every local $ref under a node, as (kind, name) pairs."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == REF and isinstance(value, str):
                parts = value.split("/")
                if len(parts) != 4 or parts[0] != "#" or parts[1] != "components":
                    raise ValueError("Unsupported $ref " + value)
                found.append((parts[2], parts[3]))
            else:
                found.extend(refs(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(refs(value))
    return found


def ranges_from_words(operation):
    """Adds minimum/maximum to query parameters whose description states the range."""
    changed = []
    for parameter in operation.get("parameters", []):
        match = RANGE_IN_WORDS.search(parameter.get("description", ""))
        schema = parameter.get("schema")
        if match and schema is not None and "minimum" not in schema and "maximum" not in schema:
            schema["minimum"] = int(match.group(1))
            schema["maximum"] = int(match.group(2))
            changed.append(parameter["name"])
    return changed


def extract(spec, operations):
    paths = {}
    for method, path in operations:
        source = spec["paths"].get(path)
        if source is None or method not in source:
            raise SystemExit("Not in the spec: %s %s" % (method.upper(), path))
        target = paths.setdefault(path, {k: copy.deepcopy(source[k]) for k in PATH_LEVEL_KEYS if k in source})
        target[method] = copy.deepcopy(source[method])
        for name in ranges_from_words(target[method]):
            print("  %s %s: range of query parameter %s taken from its description" % (method.upper(), path, name))

    components = {}
    pending = refs(paths)
    while pending:
        kind, name = pending.pop()
        if name in components.get(kind, {}):
            continue
        definition = spec["components"][kind][name]
        components.setdefault(kind, {})[name] = copy.deepcopy(definition)
        pending.extend(refs(definition))

    used_tags = {tag for item in paths.values() for op in item.values() if isinstance(op, dict)
                 for tag in op.get("tags", [])}
    out = {
        "openapi": spec["openapi"],
        "info": spec["info"],
    }
    tags = [tag for tag in spec.get("tags", []) if tag.get("name") in used_tags]
    if tags:
        out["tags"] = tags
    out["paths"] = paths
    out["components"] = {kind: dict(sorted(items.items())) for kind, items in sorted(components.items())}
    return out


def main(argv):
    root = Path(__file__).resolve().parent.parent
    spec_dir = Path(argv[1]) if len(argv) > 1 else root.parent / "shared" / "webex-openapi"
    out_dir = Path(argv[2]) if len(argv) > 2 else root / "src" / "test" / "resources" / "webex-openapi"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, operations in OPERATIONS.items():
        with open(spec_dir / name, encoding="utf-8") as source:
            spec = json.load(source)
        print(name)
        result = extract(spec, operations)
        target = out_dir / name.replace(".json", "-extract.json")
        with open(target, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=2, ensure_ascii=False)
            out.write("\n")
        schemas = len(result["components"].get("schemas", {}))
        print("  -> %s: %d operations, %d schemas" % (target.relative_to(root) if target.is_relative_to(root)
                                                      else target, len(operations), schemas))


if __name__ == "__main__":
    main(sys.argv)
