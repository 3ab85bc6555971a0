"""Mapping between :class:`~.models.Job` and rows of the ``jobs`` table, and search syntax.

The connection is stored as kind, base URL, auth style, proxy, profile id and the key
*source* (``KeySource.describe()``: ``keyring:<user>``, ``env:<VAR>`` or ``none``), never a key.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sora_desktop.core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
    VideoRequest,
)
from sora_desktop.core.status_change import StatusChange

#: Job fields that ``transition``/``update_fields`` may change (the request and the
#: connection are fixed once a job exists).
CHANGEABLE_FIELDS: frozenset[str] = frozenset(
    {
        "remote_id",
        "progress",
        "submitted_at",
        "completed_at",
        "expires_at",
        "error_code",
        "error_message",
        "file_path",
        "thumbnail_path",
        "favourite",
        "remote_deleted_at",
    }
)

#: The library's "connection" of a job, as SQL (the expression ``ix_jobs_connection`` indexes).
CONNECTION_SQL = "COALESCE(profile_id, base_url)"

#: ``list_jobs(order_by=...)`` values -> SQL (a whitelist: never interpolate user text).
SORT_COLUMNS: dict[str, str] = {
    "created_at": "created_at",
    "updated_at": "updated_at",
    "completed_at": "completed_at",
    "status": "status",
    "model": "model",
    "prompt": "prompt COLLATE NOCASE",
    "favourite": "favourite",
    "seconds": "seconds",
    # by pixel count: "1920x1080" after "1280x720" (text order would put it first)
    "size": "CAST(size AS INTEGER) * CAST(substr(size, instr(size, 'x') + 1) AS INTEGER)",
    "progress": "progress",
    "estimated_cost": "estimated_cost",
    # a job's connection: its profile, or the base URL of a one-off connection
    "connection": CONNECTION_SQL,
}


def connection_key(connection: Connection) -> str:
    """What the library groups and filters a job's connection by (same as ``CONNECTION_SQL``)."""
    return connection.profile_id if connection.profile_id is not None else connection.base_url


def _path(value: Path | str | None) -> str | None:
    return None if value is None else str(value)


def field_to_column(name: str, value: Any) -> tuple[str, Any]:
    """One changeable Job field as (column, SQL value)."""
    if name in ("file_path", "thumbnail_path"):
        return name, _path(value)
    if name == "favourite":
        return name, int(bool(value))
    if name == "progress":
        return name, int(value)
    return name, value


def request_options(request: VideoRequest) -> str | None:
    """The request's settings beyond prompt, model, size, seconds and image, as JSON text
    (None when it has none: every Videos API job)."""
    data: dict[str, Any] = {}
    if request.audio is not None:
        data["audio"] = bool(request.audio)
    if request.negative_prompt is not None:
        data["negative_prompt"] = request.negative_prompt
    if request.seed is not None:
        data["seed"] = int(request.seed)
    if request.end_image is not None:
        data["end_image"] = str(request.end_image)
    if request.extend_video is not None:
        data["extend_video"] = str(request.extend_video)
    if request.extend_endpoint is not None:
        data["extend_endpoint"] = request.extend_endpoint
    if request.params:
        data["params"] = [[name, value] for name, value in request.params]
    if request.image_params:
        data["image_params"] = [[name, str(path)] for name, path in request.image_params]
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else None


def _options(text: str | None) -> dict[str, Any]:
    """:func:`request_options` read back; a damaged value is read as no options."""
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, Any] = {}
    if isinstance(data.get("audio"), bool):
        out["audio"] = data["audio"]
    if isinstance(data.get("negative_prompt"), str):
        out["negative_prompt"] = data["negative_prompt"]
    if isinstance(data.get("seed"), int) and not isinstance(data.get("seed"), bool):
        out["seed"] = data["seed"]
    if isinstance(data.get("end_image"), str):
        out["end_image"] = Path(data["end_image"])
    if isinstance(data.get("extend_video"), str):
        out["extend_video"] = Path(data["extend_video"])
    if isinstance(data.get("extend_endpoint"), str):
        out["extend_endpoint"] = data["extend_endpoint"]
    params = data.get("params")
    if isinstance(params, list):
        out["params"] = tuple(
            (str(p[0]), str(p[1])) for p in params if isinstance(p, list) and len(p) == 2
        )
    images = data.get("image_params")
    if isinstance(images, list):
        out["image_params"] = tuple(
            (str(p[0]), Path(str(p[1])))
            for p in images
            if isinstance(p, list) and len(p) == 2 and p[1]
        )
    return out


def job_to_row(job: Job) -> dict[str, Any]:
    req, conn = job.request, job.connection
    return {
        "id": job.id,
        "prompt": req.prompt,
        "model": req.model,
        "size": req.size,
        "seconds": int(req.seconds),
        "reference_image": _path(req.reference_image),
        "remix_of": req.remix_of,
        "options": request_options(req),
        "extend_of": req.extend_of,
        "conn_kind": ConnectionKind(conn.kind).value,
        "base_url": conn.base_url,
        "auth_style": AuthStyle(conn.auth_style).value,
        "key_source": conn.key_source.describe(),
        "proxy": conn.proxy,
        "profile_id": conn.profile_id,
        "status": JobStatus(job.status).value,
        "remote_id": job.remote_id,
        "progress": int(job.progress),
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "submitted_at": job.submitted_at,
        "completed_at": job.completed_at,
        "expires_at": job.expires_at,
        "error_code": job.error_code,
        "error_message": job.error_message,
        "file_path": _path(job.file_path),
        "thumbnail_path": _path(job.thumbnail_path),
        "favourite": int(job.favourite),
        "estimated_cost": job.estimated_cost,
        "remote_deleted_at": job.remote_deleted_at,
    }


def _opt_path(value: str | None) -> Path | None:
    return None if value is None else Path(value)


def row_to_job(row: dict[str, Any], history: list[StatusChange]) -> Job:
    request = VideoRequest(
        prompt=row["prompt"],
        model=row["model"],
        size=row["size"],
        seconds=int(row["seconds"]),
        reference_image=_opt_path(row["reference_image"]),
        remix_of=row["remix_of"],
        **_options(row.get("options")),
        extend_of=row["extend_of"],
    )
    connection = Connection(
        kind=ConnectionKind(row["conn_kind"]),
        base_url=row["base_url"],
        auth_style=AuthStyle(row["auth_style"]),
        key_source=KeySource.parse(row["key_source"]),
        proxy=row["proxy"],
        profile_id=row["profile_id"],
    )
    return Job(
        id=row["id"],
        request=request,
        connection=connection,
        status=JobStatus(row["status"]),
        remote_id=row["remote_id"],
        progress=int(row["progress"]),
        created_at=float(row["created_at"]),
        updated_at=float(row["updated_at"]),
        submitted_at=row["submitted_at"],
        completed_at=row["completed_at"],
        expires_at=row["expires_at"],
        error_code=row["error_code"],
        error_message=row["error_message"],
        file_path=_opt_path(row["file_path"]),
        thumbnail_path=_opt_path(row["thumbnail_path"]),
        favourite=bool(row["favourite"]),
        history=list(history),
        estimated_cost=row["estimated_cost"],
        remote_deleted_at=row["remote_deleted_at"],
    )


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(search: str) -> str | None:
    """User text -> a safe FTS5 query: every word becomes a quoted prefix term, ANDed.

    Operators, quotes, column filters and parentheses in the input lose their meaning.
    Returns None when the text has no word characters (callers then use LIKE).
    """
    terms = [w for w in _WORD.findall(search) if w.strip("_")]
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)


def like_patterns(search: str) -> list[str]:
    """User text -> one ``LIKE ... ESCAPE '\\'`` pattern per whitespace-separated word."""
    out = []
    for word in search.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out.append(f"%{escaped}%")
    return out
