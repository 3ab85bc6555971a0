"""A keyring backend in a JSON file, so a key stored by one CLI process is found by the next
(the in-memory test keyring lives in one process only). The file is named by
``SORA_TEST_KEYRING_FILE``; it stands for the OS keyring, outside the app's folders."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import ClassVar

import keyring.backend
import keyring.errors

ENV_FILE = "SORA_TEST_KEYRING_FILE"


class FileKeyring(keyring.backend.KeyringBackend):
    priority: ClassVar[float] = -1  # never picked automatically

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[ENV_FILE])

    def _load(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")
        self._path().write_text(json.dumps(data), encoding="utf-8")
