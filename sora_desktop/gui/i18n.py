"""Translator loading for the GUI.

Public API::

    install_translator(app: QCoreApplication, language: str = "") -> str
    available_languages() -> list[tuple[str, str]]   # (code, native name), "" = follow the OS
    translations_dir() -> Path
    translate_core(text: str) -> str     # a core message template/marked text, translated
    profile_name(profile: Profile) -> str   # a profile's name as shown (built-in translated)

``language`` is ``Settings.language``: ``""`` follows ``QLocale.system()``, ``"en"`` forces
English (the source strings), ``"zh_CN"`` forces Simplified Chinese. The compiled catalogues
live in ``sora_desktop/resources/i18n/sora_desktop_<code>.qm``; ``tools/update_translations.py``
rebuilds them from ``resources/i18n/*.ts``. Calling it again replaces the previously installed
translator (widgets built afterwards pick up the new language).

Core's creator-facing messages (``SoraError.message``/``next_step``) are written with
``sora_desktop.core.i18n._``; :func:`install_translator` plugs :func:`translate_core` into it
(context ``"core"`` of the same catalogue), so every error core builds from then on is in the
chosen language. Core is translated when a message is made, so this must run before anything
builds one (``app.py`` calls it first thing). The CLI never installs it and stays English.

English has no catalogue, but its counted texts (``tr("%n remix(es)", "", n)``) need their
plural: :class:`EnglishPlurals` writes "1 remix" / "2 remixes" from the source text itself,
so no English catalogue has to be kept in step with the code.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sora_desktop.core import i18n as core_i18n
from sora_desktop.core.models import Profile
from sora_desktop.core.profiles import SIMULATOR_ID, SIMULATOR_PROFILE

CATALOGUE = "sora_desktop"
SOURCE_LANGUAGE = "en"
# languages shipped, with their names written in the language itself
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_CN", "简体中文"))

_installed: dict[int, list[QTranslator]] = {}


def translations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def available_languages() -> list[tuple[str, str]]:
    """Codes a user may pick (besides "" = follow the system)."""
    return list(LANGUAGES)


def translate_core(text: str) -> str:
    """``text`` (a core template or ``N_``-marked text) in the installed language.
    Thread-safe: core builds errors on its I/O thread."""
    return QCoreApplication.translate(core_i18n.CONTEXT, text)


def profile_name(profile: Profile) -> str:
    """The name to show for ``profile``: the built-in simulator's stays stored in English
    (settings refer to it) and is translated here; a user's own name is shown as typed."""
    if profile.id == SIMULATOR_ID and profile.name == SIMULATOR_PROFILE.name:
        return translate_core(profile.name)
    return profile.name


#: "(s)" / "(es)" right after a word: the English plural ending of a counted text
_PLURAL_ENDING = re.compile(r"(?<=\w)\((e?s)\)")


class EnglishPlurals(QTranslator):
    """The English window's plurals: a counted source text (``%n`` and a "(s)"/"(es)"
    ending) is given its ending for ``n`` ("1 film or extension", "2 films or extensions");
    every other text is left to the source (``None``: "not translated here")."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if n < 0 or "%n" not in source_text or "(" not in source_text:
            return None
        return _PLURAL_ENDING.sub(lambda m: "" if n == 1 else m.group(1), source_text)

    def isEmpty(self) -> bool:
        return False


def _install_english(app: QCoreApplication) -> str:
    plurals = EnglishPlurals(app)
    app.installTranslator(plurals)
    _installed[id(app)] = [plurals]
    return SOURCE_LANGUAGE


def _choose(language: str) -> str:
    """The shipped language code closest to ``language`` or to the system locale."""
    wanted = language.strip() or QLocale.system().name()  # e.g. "zh_CN", "de_DE"
    codes = [code for code, _ in LANGUAGES]
    if wanted in codes:
        return wanted
    base = wanted.split("_", 1)[0].split("-", 1)[0].lower()
    if base == "zh":
        # Traditional-script locales still read Simplified Chinese better than English.
        return "zh_CN"
    for code in codes:
        if code.split("_", 1)[0].lower() == base:
            return code
    return SOURCE_LANGUAGE


def install_translator(app: QCoreApplication, language: str = "") -> str:
    """Install the catalogue for ``language`` (or the OS locale); return the code chosen.

    English needs no catalogue (only :class:`EnglishPlurals`). A missing catalogue falls back
    to English rather than failing.
    """
    for old in _installed.pop(id(app), []):
        app.removeTranslator(old)
    # core's messages follow whatever catalogue is installed (English: the source text)
    core_i18n.install(translate_core)
    code = _choose(language)
    if code == SOURCE_LANGUAGE:
        return _install_english(app)
    ours = QTranslator(app)
    if not ours.load(f"{CATALOGUE}_{code}", str(translations_dir())):
        return _install_english(app)
    app.installTranslator(ours)
    kept = [ours]
    # Qt's own strings (standard buttons of QMessageBox/QDialogButtonBox) when available.
    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_base)
        kept.append(qt_base)
    _installed[id(app)] = kept
    return code
