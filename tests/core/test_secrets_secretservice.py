"""Our set_key/get_key against a REAL Secret Service (gnome-keyring on a private D-Bus).

Runs in a subprocess under ``dbus-run-session`` with HOME and the XDG folders in tmp_path, so
the developer's own keyring is never touched. gnome-keyring-daemon runs in the foreground as
a child of the session script, which kills and reaps it before the session ends; the test
then checks that the process is gone. On Linux a missing ``dbus-run-session`` or
``gnome-keyring-daemon`` FAILS the test (CI installs both); elsewhere it is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Secret Service is the Linux keyring"
)

_CHILD = r"""
import json, os, sys, time
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

deadline = time.monotonic() + 20
bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                  interface="org.freedesktop.DBus")
with open_dbus_connection(bus="SESSION") as conn:
    while True:  # wait for the daemon to own the name (no auto-activation of another one)
        reply = conn.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s",
                                                        ("org.freedesktop.secrets",)))
        if reply.body[0]:
            break
        if time.monotonic() > deadline:
            sys.exit("gnome-keyring-daemon never registered org.freedesktop.secrets")
        time.sleep(0.05)

from sora_desktop.core import secrets
from sora_desktop.core.models import KeySource

key = "sk-proj-RealSecretService-0123456789"
secrets.set_key("it-profile", key)
got = secrets.get_key(KeySource(keyring_user="it-profile"))
name = secrets.backend_name()
secrets.delete_key("it-profile")
after = secrets.get_key(KeySource(keyring_user="it-profile"))
print("RESULT " + json.dumps({"got": got, "name": name, "after": after}))
"""

_SESSION = r"""
printf '%s' sora-test-password | gnome-keyring-daemon --foreground --unlock \
    --components=secrets >"$GKD_LOG" 2>&1 &
gkd=$!
echo "GKD_PID=$gkd"
"$PY" "$CHILD"
rc=$?
kill "$gkd" 2>/dev/null
wait "$gkd" 2>/dev/null
exit $rc
"""


def test_set_and_get_through_real_secret_service(tmp_path: Path) -> None:
    missing = [t for t in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(t)]
    assert not missing, f"install {missing} (CI installs dbus and gnome-keyring)"
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    child = tmp_path / "child.py"
    child.write_text(_CHILD)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        "PY": sys.executable,
        "CHILD": str(child),
        "GKD_LOG": str(tmp_path / "gkd.log"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", _SESSION],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    out = proc.stdout
    assert proc.returncode == 0, f"{out}\n{proc.stderr}\n{(tmp_path / 'gkd.log').read_text()}"
    result = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])
    assert result["got"] == "sk-proj-RealSecretService-0123456789"
    assert "SecretService" in result["name"]
    assert result["after"] is None

    pid = int(out.split("GKD_PID=", 1)[1].splitlines()[0])
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling a condition with a deadline
    assert not _alive(pid), "gnome-keyring-daemon was left running"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:  # a zombie waiting to be reaped by init counts as gone
        return stat.read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
