"""core.i18n: English by default, a pluggable translator, template first and values after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core import i18n
from sora_desktop.core.capabilities import SORA_2, validate_request
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.export import export_job
from sora_desktop.core.models import VideoRequest
from sora_desktop.core.profiles import SIMULATOR_PROFILE
from sora_desktop.core.service import CANCEL_MESSAGE
from tests.core.test_store import make_job


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    i18n.install(None)
    yield
    i18n.install(None)


def _refused(size: str) -> InvalidRequestError:
    with pytest.raises(InvalidRequestError) as info:
        validate_request(VideoRequest(prompt="a kite", size=size), SORA_2)
    return info.value


def test_english_by_default() -> None:
    err = _refused("640x480")
    assert err.message == ("sora-2 can't make '640x480' videos. Allowed sizes: 720x1280, 1280x720.")
    assert err.next_step == "Pick one of the allowed sizes."
    assert i18n.translate("anything {x}") == "anything {x}"
    assert i18n.N_("kept") == "kept"


def test_the_installed_translator_gets_the_template_and_values_are_filled_after() -> None:
    asked: list[str] = []

    catalogue = {
        "{model} can't make {size!r} videos. Allowed sizes: {allowed}.": (
            "{model} 无法生成 {size!r} 尺寸的视频。允许的尺寸：{allowed}。"
        ),
        "Pick one of the allowed sizes.": "请选择一个允许的尺寸。",
    }

    def translator(template: str) -> str:
        asked.append(template)
        return catalogue.get(template, template)

    i18n.install(translator)
    err = _refused("640x480")
    assert list(catalogue) == asked  # the templates, never a filled-in text
    assert err.message == "sora-2 无法生成 '640x480' 尺寸的视频。允许的尺寸：720x1280, 1280x720。"
    assert err.next_step == "请选择一个允许的尺寸。"
    assert err.param == "size"
    i18n.install(None)
    assert _refused("640x480").next_step == "Pick one of the allowed sizes."


def test_a_failing_or_empty_translation_falls_back_to_english(tmp_path: Path) -> None:
    def broken(template: str) -> str:
        raise RuntimeError("catalogue gone")

    i18n.install(broken)
    assert _refused("1x1").next_step == "Pick one of the allowed sizes."
    i18n.install(lambda template: "")
    assert _refused("1x1").next_step == "Pick one of the allowed sizes."


def test_a_translation_with_wrong_placeholders_falls_back_to_the_english_template() -> None:
    i18n.install(lambda template: "{modle} {size}" if "{allowed}" in template else template)
    err = _refused("1x1")  # a catalogue mistake must not turn an error into a crash
    assert err.message == "sora-2 can't make '1x1' videos. Allowed sizes: 720x1280, 1280x720."


def test_marked_constants_are_translated_when_used_not_when_defined(tmp_path: Path) -> None:
    i18n.install(lambda template: f"«{template}»")
    assert SIMULATOR_PROFILE.name == "Simulator (this computer)"  # stored in English
    assert CANCEL_MESSAGE.startswith("Cancelled here.")
    assert i18n.translate(SIMULATOR_PROFILE.name) == "«Simulator (this computer)»"
    job = make_job("A lighthouse at dawn", remote_id="video_1")  # never downloaded
    assert job.file_path is None
    with pytest.raises(DiskError) as info:
        export_job(job, tmp_path)
    assert info.value.message.startswith("«The video file of this job is not on disk")
    assert "«never downloaded»" in info.value.message
