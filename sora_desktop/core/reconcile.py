"""Finding the remote job a lost create reply belongs to (docs/reliability.md).

A create is sent once. When its reply is lost (timeout, reset, a 5xx whose body we never
got) the job may or may not exist on the server. Instead of resending, which could start a
second paid render, the service lists the videos created since ``submitted_at - WINDOW`` and
looks for one with the same prompt, model, size and seconds (and remix source) created in
the window around the submission. A match is adopted.

When the list came back complete and holds no match, the create did not land: every video
the server made for this key since just before the submission is in that list, so a resend
can't produce a duplicate. Only then may the service resend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sora_desktop.core.i18n import N_

if TYPE_CHECKING:  # annotations only: the CLI's progress lines import CHECKING_MESSAGE
    from sora_desktop.core.models import VideoRequest
    from sora_desktop.core.remote_video import RemoteVideo

#: What a job says while the service is asked whether its create arrived (a reply was lost,
#: or the job resumed after a restart before its create was confirmed): not "Sending".
CHECKING_MESSAGE = N_("Checking whether the earlier send reached the service")

#: Seconds of clock skew tolerated between this machine and the server.
WINDOW = 60.0


def matches_request(video: RemoteVideo, request: VideoRequest) -> bool:
    """Does ``video`` look like the one ``request`` would have created?

    Fields the server left out (``None``) are not held against it, except the prompt.
    """
    if video.prompt is None or video.prompt != request.prompt:
        return False
    if request.remix_of is not None:
        return video.remixed_from_video_id in (None, request.remix_of)
    if request.extend_of is not None:
        # an extension reports the stitched total as its ``seconds``, and no link to its
        # source: the prompt, model and size are what can be compared
        if video.model is not None and video.model != request.model:
            return False
        return video.size is None or video.size == request.size
    if video.model is not None and video.model != request.model:
        return False
    if video.size is not None and video.size != request.size:
        return False
    return video.seconds is None or str(video.seconds) == str(request.seconds)


def find_created(
    request: VideoRequest,
    submitted_at: float,
    videos: Iterable[RemoteVideo],
    *,
    now: float,
    taken: Callable[[str], bool] = lambda _id: False,
    window: float = WINDOW,
) -> RemoteVideo | None:
    """The video the lost create made, or None when none of ``videos`` matches.

    ``taken(remote_id)`` says a video already belongs to another local job (two identical
    prompts sent together must adopt two different videos). Among several candidates the one
    created closest to ``submitted_at`` wins.
    """
    earliest = submitted_at - window
    latest = now + window
    candidates: list[RemoteVideo] = []
    for video in videos:
        if not matches_request(video, request) or taken(video.id):
            continue
        if video.created_at is not None and not earliest <= video.created_at <= latest:
            continue
        candidates.append(video)
    if not candidates:
        return None

    def distance(video: RemoteVideo) -> float:
        if video.created_at is None:
            return float("inf")
        return abs(video.created_at - submitted_at)

    return min(candidates, key=distance)
