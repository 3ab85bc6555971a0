"""``sora-desktop models``: a kind's models from the catalogue, or one model's parameters
from its provider's schema (``usecases.models``)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from sora_desktop.cli.runtime import Runtime
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.schema_form import FormField
from sora_desktop.usecases.models import ModelDetails, ModelSummary, list_models, model_details


def _price(summary: ModelSummary) -> str:
    if summary.usd_per_second is None:
        return "price unknown"
    text = f"${summary.usd_per_second:.2f}/s"
    if summary.usd_per_second_audio_off is not None:
        text += f" (${summary.usd_per_second_audio_off:.2f}/s without audio)"
    if summary.price_checked:
        text += f", checked {summary.price_checked}"
    return text


def _summary_record(m: ModelSummary) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "provider": m.provider,
        "sizes": list(m.sizes),
        "text_sizes": list(m.text_sizes) if m.text_sizes is not None else None,
        "seconds": list(m.seconds),
        "default_seconds": m.default_seconds,
        "image": "required" if m.needs_image else ("optional" if m.takes_image else "no"),
        "end_image": m.takes_end_image,
        "audio": m.has_audio,
        "negative_prompt": m.has_negative_prompt,
        "seed": m.has_seed,
        "usd_per_second": m.usd_per_second,
        "usd_per_second_audio_off": m.usd_per_second_audio_off,
        "price_checked": m.price_checked or None,
        "price_source": m.price_source or None,
        "listed": m.listed,
    }


def _field_values(f: FormField) -> str:
    if f.choices:
        return "one of " + ", ".join(json.dumps(c) for c in f.choices)
    if f.minimum is not None or f.maximum is not None:
        lo = "" if f.minimum is None else f"{f.minimum:g}"
        hi = "" if f.maximum is None else f"{f.maximum:g}"
        return f"{lo}..{hi}"
    if f.widget == "image":
        return "image URI"
    return ""


def _field_record(f: FormField) -> dict[str, Any]:
    return {
        "name": f.name,
        "type": f.type,
        "widget": f.widget,
        "required": f.required,
        "default": f.default,
        "choices": list(f.choices) or None,
        "minimum": f.minimum,
        "maximum": f.maximum,
        "description": f.description or None,
    }


def _connection(args: argparse.Namespace, rt: Runtime) -> Connection:
    from sora_desktop.cli.generate import connection_from_args

    connection, _model = connection_from_args(args, rt, refuse_ignored=False)
    return connection


def cmd_models(args: argparse.Namespace, rt: Runtime) -> int:
    if not args.kind and not args.profile:
        from sora_desktop.core.errors import InvalidRequestError

        raise InvalidRequestError(
            "Say whose models: a connection kind, or a profile.",
            "Add --kind fal|replicate|runway (or --profile NAME).",
            param="kind",
        )
    if args.model is None:
        kind = _connection(args, rt).kind if args.profile else ConnectionKind(args.kind)
        models = list_models(kind)
        if args.json:
            print(json.dumps([_summary_record(m) for m in models], indent=2))
            return 0
        for m in models:
            image = "image" if m.needs_image else ("text+image" if m.takes_image else "text")
            seconds = ",".join(str(n) for n in m.seconds)
            print(f"{m.id}\t{m.name}\t{image}\t{seconds}s\t{_price(m)}")
        return 0
    connection = _connection(args, rt)
    details = asyncio.run(_details(rt, connection, args.model))
    if args.json:
        record = _summary_record(details.summary)
        record["schema_found"] = details.schema_found
        record["note"] = details.note
        record["parameters"] = [_field_record(f) for f in details.fields]
        print(json.dumps(record, indent=2, default=str))
        return 0
    s = details.summary
    print(f"{s.id} ({s.name})")
    print(f"  sizes: {', '.join(s.sizes)}")
    print(f"  seconds: {', '.join(str(n) for n in s.seconds)} (default {s.default_seconds})")
    print(f"  price: {_price(s)}")
    if details.note:
        print(f"note: {details.note}", file=sys.stderr)
    print("parameters:")
    for f in details.fields:
        values = _field_values(f)
        extra = [f.type]
        if f.required:
            extra.append("required")
        if values:
            extra.append(values)
        if f.default is not None:
            extra.append(f"default {json.dumps(f.default)}")
        print(f"  {f.name}\t{'; '.join(extra)}")
    return 0


async def _details(rt: Runtime, connection: Connection, model: str) -> ModelDetails:
    store = rt.open_store()
    service = rt.service(store)
    try:
        return await model_details(service, connection, model)
    finally:
        await service.shutdown()
        store.close()


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    from sora_desktop.cli.generate import PROVIDER_ENV_VARS

    env = ", ".join(f"{k.value}: {v}" for k, v in PROVIDER_ENV_VARS.items())
    mod = sub.add_parser(
        "models",
        parents=[common],
        help="list a provider's models, or one model's parameters",
        description="Without --model: the catalogue's models of a kind (sizes, lengths, "
        "estimated price per second with the date it was checked). With --model: that "
        "model's parameters (name, type, allowed values or bounds, default), read from the "
        "provider's own schema (cached for a day), else the catalogue's fields.",
    )
    mod.add_argument(
        "--kind",
        choices=[k.value for k in ConnectionKind],
        default=None,
        help="connection kind (or --profile)",
    )
    mod.add_argument("--model", default=None, metavar="ID", help="one model's parameters")
    where = mod.add_mutually_exclusive_group()
    where.add_argument("--profile", default=None, metavar="NAME", help="a saved connection")
    where.add_argument(
        "--base-url", default=None, metavar="URL", help="the provider's API (default: its own)"
    )
    mod.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help=f"environment variable holding the key (default {env})",
    )
    mod.add_argument("--json", action="store_true", help="JSON on stdout")
    mod.set_defaults(handler=cmd_models)
