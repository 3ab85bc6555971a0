"""The data part of "More settings": a 30-field input schema -> a form description.

Builds a Replicate-style model answer with 30 fields (enums behind ``allOf`` refs, bounded
numbers, booleans, image URIs, free text; ``x-order``), then times, per round, what the
window will do when a model is picked: resolve the schema, describe its form, and derive the
model's catalogue entry (the common settings mapped)::

    .venv/bin/python benchmarks/bench_schema_form.py [--rounds 200]

Prints the median and the 95th percentile in milliseconds. Target (issue 11): the whole
"More settings" form for a 30-field schema in under 50 ms; this is the part without Qt.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.schema_form import derive_model, form_fields, replicate_input_schema


def thirty_field_model() -> dict[str, Any]:
    components: dict[str, Any] = {}
    props: dict[str, Any] = {
        "prompt": {"type": "string", "x-order": 0},
        "aspect_ratio": {"allOf": [{"$ref": "#/components/schemas/aspect_ratio"}], "x-order": 1},
        "resolution": {"allOf": [{"$ref": "#/components/schemas/resolution"}], "x-order": 2},
        "duration": {"type": "integer", "minimum": 2, "maximum": 12, "x-order": 3},
        "image": {"type": "string", "format": "uri", "x-order": 4},
        "last_frame": {"type": "string", "format": "uri", "x-order": 5},
    }
    components["aspect_ratio"] = {"type": "string", "enum": ["16:9", "9:16", "1:1", "4:3", "3:4"]}
    components["resolution"] = {"type": "string", "enum": ["480p", "720p", "1080p"]}
    for i in range(6, 30):
        name = f"field_{i}"
        kind = i % 4
        if kind == 0:
            components[name] = {"type": "string", "enum": [f"v{j}" for j in range(8)]}
            props[name] = {"allOf": [{"$ref": f"#/components/schemas/{name}"}], "x-order": i}
        elif kind == 1:
            props[name] = {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": 0.5,
                "x-order": i,
            }
        elif kind == 2:
            props[name] = {"type": "boolean", "default": False, "x-order": i}
        else:
            props[name] = {"anyOf": [{"type": "string"}, {"type": "null"}], "x-order": i}
    components["Input"] = {"type": "object", "required": ["prompt"], "properties": props}
    return {"latest_version": {"openapi_schema": {"components": {"schemas": components}}}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    model = thirty_field_model()
    times: list[float] = []
    fields_count = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        schema = replicate_input_schema(model)
        assert schema is not None
        fields = form_fields(schema)
        derived = derive_model(ConnectionKind.REPLICATE, "acme/thirty", schema)
        times.append((time.perf_counter() - start) * 1000)
        fields_count = len(fields)
        assert derived is not None
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{fields_count} fields: median {statistics.median(times):.3f} ms, "
        f"p95 {p95:.3f} ms over {args.rounds} rounds"
    )


if __name__ == "__main__":
    main()
