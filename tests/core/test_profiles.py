"""Profiles: defaults per kind, Azure URLs, atomic tolerant file, export/import without keys."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import AuthStyle, ConnectionKind, KeySource
from sora_desktop.core.profiles import (
    SERVICE_STATUS,
    SIMULATOR_ID,
    ProfileStore,
    azure_base_url,
    export_profile,
    import_profile,
    make_profile,
    make_profile_id,
)
from sora_desktop.core.secrets import MemoryKeyring
from tests.fail_on_unexpected import ExpectLog


@pytest.mark.parametrize(
    "given",
    [
        "myres",
        "MyRes",
        "myres.openai.azure.com",
        "https://myres.openai.azure.com",
        "https://myres.openai.azure.com/",
        "https://myres.openai.azure.com///",
        "https://myres.openai.azure.com/openai/v1",
        "https://myres.openai.azure.com/openai/v1/",
        "https://myres.openai.azure.com/openai",
        "  https://myres.openai.azure.com/openai/v1/?api-version=preview  ",
    ],
)
def test_azure_base_url_forms(given: str) -> None:
    assert azure_base_url(given) == "https://myres.openai.azure.com/openai/v1"


def test_azure_cognitiveservices_host_kept() -> None:
    assert (
        azure_base_url("https://res2.cognitiveservices.azure.com/")
        == "https://res2.cognitiveservices.azure.com/openai/v1"
    )


@pytest.mark.parametrize("bad", ["", "   ", "bad name!", "ftp://x.example.com"])
def test_azure_base_url_refuses_nonsense(bad: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        azure_base_url(bad)
    assert info.value.param == "base_url"


def test_make_profile_id() -> None:
    assert make_profile_id("My Azure (West EU)!") == "my-azure-west-eu"
    assert make_profile_id("   ") == "profile"
    assert make_profile_id("Gateway", existing=["gateway", "gateway-2"]) == "gateway-3"
    assert len(make_profile_id("x" * 200)) <= 40


def test_defaults_per_kind() -> None:
    openai = make_profile("OpenAI", ConnectionKind.OPENAI)
    assert openai.base_url == "https://api.openai.com/v1"
    assert openai.auth_style is AuthStyle.BEARER
    azure = make_profile("Work", ConnectionKind.AZURE, base_url="contoso-video")
    assert azure.base_url == "https://contoso-video.openai.azure.com/openai/v1"
    assert azure.auth_style is AuthStyle.API_KEY
    gw = make_profile("LiteLLM", ConnectionKind.COMPATIBLE, base_url="http://localhost:4000/v1/")
    assert gw.base_url == "http://localhost:4000/v1"
    assert gw.auth_style is AuthStyle.BEARER
    assert gw.connection().key_source == KeySource(keyring_user="litellm")
    with pytest.raises(InvalidRequestError) as info:
        make_profile("No URL", ConnectionKind.COMPATIBLE)
    assert info.value.param == "base_url"
    with pytest.raises(InvalidRequestError):
        make_profile("E", ConnectionKind.OPENAI, env_var="not a var")


def test_service_status_covers_every_kind() -> None:
    assert set(SERVICE_STATUS) == set(ConnectionKind)
    assert "2026-09-24" in SERVICE_STATUS[ConnectionKind.OPENAI]
    assert "LiteLLM" in SERVICE_STATUS[ConnectionKind.COMPATIBLE]


def test_store_always_has_simulator(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "cfg" / "profiles.json")
    (sim,) = store.list()
    assert sim.id == SIMULATOR_ID and sim.kind is ConnectionKind.SIMULATOR
    assert sim.base_url == ""  # filled in at runtime with the simulator's URL
    assert sim.connection().key_source == KeySource()
    with pytest.raises(ValueError):
        store.remove(SIMULATOR_ID)
    with pytest.raises(ValueError):
        store.update(replace(sim, kind=ConnectionKind.OPENAI, base_url="https://x.example"))


def test_store_round_trip_and_persistence(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "profiles.json"
    store = ProfileStore(path)
    azure = make_profile(
        "Work",
        ConnectionKind.AZURE,
        base_url="contoso",
        models=("my-sora",),
        model_aliases=(("my-sora", "sora-2"),),
        default_model="my-sora",
        proxy="http://proxy:3128",
    )
    gw = make_profile(
        "Gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1", env_var="GW_KEY"
    )
    store.add(azure)
    store.add(gw)
    with pytest.raises(ValueError):
        store.add(gw)
    store.update(replace(gw, name="Gateway 2"))
    reopened = ProfileStore(path)
    assert reopened.list() == [store.get(SIMULATOR_ID), azure, replace(gw, name="Gateway 2")]
    reopened.remove(gw.id)
    assert [p.id for p in ProfileStore(path).list()] == [SIMULATOR_ID, azure.id]
    with pytest.raises(KeyError):
        reopened.remove("nope")
    assert not list(path.parent.glob("*.tmp"))  # atomic writes leave no temp files


def test_file_never_holds_a_key(tmp_path: Path) -> None:
    MemoryKeyring.clear()
    path = tmp_path / "profiles.json"
    store = ProfileStore(path)
    p = store.add(make_profile("OpenAI", ConnectionKind.OPENAI))
    secrets.set_key(p.id, "sk-proj-NeverInTheFile123456")
    store.update(replace(p, name="OpenAI main"))
    text = path.read_text()
    exported = export_profile(p)
    MemoryKeyring.clear()
    assert "NeverInTheFile" not in text and "NeverInTheFile" not in exported


def test_import_ignores_keys_and_makes_id_unique() -> None:
    data = json.loads(
        export_profile(
            make_profile("Gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1")
        )
    )
    data["api_key"] = "sk-smuggled-in-123456"
    p = import_profile(json.dumps(data), existing=["gateway"])
    assert p.id == "gateway-2"
    assert p.base_url == "https://gw.example/v1"
    assert "smuggled" not in repr(p)
    with pytest.raises(InvalidRequestError):
        import_profile("[1, 2]")
    with pytest.raises(InvalidRequestError):
        import_profile('{"id": "x", "kind": "martian"}')


def test_damaged_file_is_kept_aside(tmp_path: Path, expect_log: ExpectLog) -> None:
    path = tmp_path / "profiles.json"
    path.write_text("{ not json")
    with expect_log("sora_desktop.core.profiles", "was damaged .*; kept as"):
        store = ProfileStore(path)
        assert [p.id for p in store.list()] == [SIMULATOR_ID]
    (aside,) = tmp_path.glob("profiles.json.corrupt-*")
    assert aside.read_text() == "{ not json"


def test_bad_entries_skipped_unknown_fields_ignored(tmp_path: Path, expect_log: ExpectLog) -> None:
    path = tmp_path / "profiles.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "future_field": True,
                "profiles": [
                    {
                        "id": "ok",
                        "name": "OK",
                        "kind": "openai",
                        "base_url": "https://api.openai.com/v1",
                        "shiny_new_option": 3,
                    },
                    {"id": "broken", "kind": "openai", "base_url": "not a url"},
                    {
                        "id": "simulator",
                        "name": "evil",
                        "kind": "openai",
                        "base_url": "https://e.x",
                    },
                    "garbage",
                ],
            }
        )
    )
    with expect_log("sora_desktop.core.profiles", "skipping a profile that can't be read") as seen:
        store = ProfileStore(path)
        assert [p.id for p in store.list()] == [SIMULATOR_ID, "ok"]
    assert len(seen) == 2  # the entry with a bad URL, and the one without a kind
    sim = store.get(SIMULATOR_ID)
    assert sim is not None and sim.kind is ConnectionKind.SIMULATOR
