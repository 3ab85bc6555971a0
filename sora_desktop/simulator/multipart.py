"""A small multipart/form-data parser (the SDK sends every create as multipart).

Only what the simulator needs: text fields and file parts, bracketed keys kept verbatim
(``input_reference[image_url]``, ``video[id]``) and folded into nested dicts by
:func:`nest`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser
from typing import Any


class MultipartError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FilePart:
    filename: str
    content_type: str
    data: bytes


def boundary_of(content_type: str) -> str:
    msg = Message()
    msg["content-type"] = content_type
    boundary = msg.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise MultipartError("multipart/form-data without a boundary")
    return boundary


def parse_multipart(body: bytes, content_type: str) -> dict[str, str | FilePart]:
    """Fields of a multipart body: text as ``str``, file parts as :class:`FilePart`."""
    delimiter = b"--" + boundary_of(content_type).encode("latin-1")
    fields: dict[str, str | FilePart] = {}
    chunks = body.split(delimiter)
    if len(chunks) < 3:
        raise MultipartError("malformed multipart body")
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break  # closing delimiter
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise MultipartError("multipart part without headers")
        if data.endswith(b"\r\n"):
            data = data[:-2]
        headers = BytesHeaderParser().parsebytes(head + b"\r\n\r\n")
        disposition = Message()
        disposition["content-disposition"] = headers.get("content-disposition", "")
        name = disposition.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise MultipartError("multipart part without a name")
        filename = disposition.get_param("filename", header="content-disposition")
        if isinstance(filename, str):
            ctype = headers.get("content-type", "application/octet-stream")
            fields[name] = FilePart(filename=filename, content_type=ctype, data=data)
        else:
            fields[name] = data.decode("utf-8")
    return fields


_BRACKETS = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")


def nest(fields: dict[str, Any]) -> dict[str, Any]:
    """Fold ``a[b][c]=v`` keys into ``{"a": {"b": {"c": v}}}``; plain keys stay."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        match = _BRACKETS.match(key)
        if not match:
            out[key] = value
            continue
        path = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = out
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        node[path[-1]] = value
    return out
