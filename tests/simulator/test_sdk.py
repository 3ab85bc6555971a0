"""The official ``openai`` SDK drives every endpoint of the simulator, on both base URLs."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import av
import openai
import pytest
from openai import OpenAI
from openai.types import Video

from sora_desktop.simulator.server import SimulatorServer
from tests.simulator.conftest import CLIP, png_bytes

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the SDK's Sora notice


@pytest.fixture(params=["/v1", "/openai/v1"])
def sdk(request: pytest.FixtureRequest, sim: SimulatorServer) -> Iterator[OpenAI]:
    with OpenAI(base_url=sim.url + request.param, api_key="x", max_retries=0) as client:
        yield client


def test_create_poll_download_list_delete(sdk: OpenAI, sim: SimulatorServer) -> None:
    video = sdk.videos.create(prompt=CLIP, size="1280x720", seconds="4", model="sora-2")
    assert video.status == "queued" and video.id.startswith("video_")
    done = sdk.videos.poll(video.id, poll_interval_ms=50)
    assert done.status == "completed" and done.progress == 100
    assert done.expires_at is not None and done.completed_at is not None
    assert sdk.videos.retrieve(video.id).status == "completed"

    content = sdk.videos.download_content(video.id, variant="video")
    with av.open(io.BytesIO(content.read())) as c:
        vs = c.streams.video[0]
        assert (vs.codec_context.width, vs.codec_context.height) == (1280, 720)
        assert c.streams.audio[0].codec_context.name == "aac"
    thumb = sdk.videos.download_content(video.id, variant="thumbnail").read()
    assert thumb[:4] == b"RIFF" and thumb[8:12] == b"WEBP"
    sheet = sdk.videos.download_content(video.id, variant="spritesheet").read()
    assert sheet[:2] == b"\xff\xd8"

    listed = [v.id for v in sdk.videos.list(limit=10, order="desc")]
    assert video.id in listed
    deleted = sdk.videos.delete(video.id)
    assert deleted.deleted is True and deleted.id == video.id
    with pytest.raises(openai.NotFoundError):
        sdk.videos.retrieve(video.id)
    assert sim.created_count == 1


def test_create_and_poll_remix(sdk: OpenAI, sim: SimulatorServer) -> None:
    done = sdk.videos.create_and_poll(prompt=CLIP, size="1280x720", poll_interval_ms=50)
    assert done.status == "completed"
    remix = sdk.videos.remix(done.id, prompt=CLIP + " in autumn")
    assert remix.remixed_from_video_id == done.id
    assert sdk.videos.poll(remix.id, poll_interval_ms=50).status == "completed"
    assert sim.created_count == 2


def test_multipart_input_reference(sdk: OpenAI) -> None:
    ok = sdk.videos.create(
        prompt="With a reference image",
        size="1280x720",
        input_reference=("ref.png", png_bytes(1280, 720), "image/png"),
    )
    assert ok.status == "queued"
    done = sdk.videos.poll(ok.id, poll_interval_ms=50)
    assert done.status == "completed"
    frame = sdk.videos.download_content(ok.id).read()
    with av.open(io.BytesIO(frame)) as c:
        first = next(c.decode(video=0)).to_ndarray(format="rgb24")
    assert first[10, 10].min() > 200  # the white top-left quarter of the image
    with pytest.raises(openai.BadRequestError) as info:
        sdk.videos.create(
            prompt="wrong size",
            size="1280x720",
            input_reference=("ref.png", png_bytes(720, 1280), "image/png"),
        )
    assert "Inpaint image must match" in str(info.value)


def test_object_references_via_sdk_post(sdk: OpenAI) -> None:
    # This SDK's typed create/edit/extend reject dict references (it expects a file there),
    # so a client sends {"image_url"} / {"id"} as JSON with the generic post().
    ref = sdk.post(
        "/videos",
        body={"prompt": "Reference by URL", "input_reference": {"image_url": "https://x/y.png"}},
        cast_to=Video,
    )
    assert ref.status == "queued"
    src = sdk.videos.create_and_poll(prompt=CLIP, size="1280x720", poll_interval_ms=50)
    edit = sdk.post(
        "/videos/edits",
        body={"prompt": "Add falling leaves", "video": {"id": src.id}},
        cast_to=Video,
    )
    assert edit.size == "1280x720" and edit.seconds == "4"
    ext = sdk.post(
        "/videos/extensions",
        body={"prompt": "The boat reaches the shore", "seconds": "4", "video": {"id": src.id}},
        cast_to=Video,
    )
    assert ext.seconds == "8"
    assert sdk.videos.poll(ext.id, poll_interval_ms=50).status == "completed"


def test_edit_and_extend_uploaded_video(sdk: OpenAI) -> None:
    src = sdk.videos.create_and_poll(prompt=CLIP, size="1280x720", poll_interval_ms=50)
    mp4 = sdk.videos.download_content(src.id).read()
    edit = sdk.videos.edit(prompt="Add falling leaves", video=("clip.mp4", mp4, "video/mp4"))
    assert (edit.size, edit.seconds) == ("1280x720", "4")
    ext = sdk.videos.extend(
        prompt="The boat reaches the shore", seconds="4", video=("clip.mp4", mp4, "video/mp4")
    )
    assert ext.seconds == "8"
    assert sdk.videos.poll(edit.id, poll_interval_ms=50).status == "completed"


def test_sdk_errors(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server(api_key="right")
    with (
        OpenAI(base_url=sim.url + "/v1", api_key="wrong", max_retries=0) as bad,
        pytest.raises(openai.AuthenticationError),
    ):
        bad.videos.list()
    with OpenAI(base_url=sim.url + "/v1", api_key="right", max_retries=0) as good:
        with pytest.raises(openai.BadRequestError) as info:
            good.videos.create(prompt="p", seconds="5")  # type: ignore[arg-type]
        assert info.value.body is not None
        assert info.value.body["param"] == "seconds"  # type: ignore[index]
