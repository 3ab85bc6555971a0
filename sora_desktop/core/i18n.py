"""Translatable creator-facing text in core, without Qt.

Core writes every message a creator may read (a :class:`~sora_desktop.core.errors.SoraError`'s
``message`` and ``next_step``) as a template passed through :func:`_`, then fills it::

    _("Could not reach {host}.").format(host=host)   # translate the template, then format

never ``_(f"...")``: a filled-in text is not in any catalogue. ``tools/update_translations.py``
finds every literal passed to ``_()`` or :func:`N_` under ``sora_desktop/core`` (AST scan) and
puts it in the Qt catalogue under the context :data:`CONTEXT`.

By default nothing is translated, so the CLI, the logs and the tests read English. The GUI
installs a translator at startup (``sora_desktop.gui.i18n.install_translator``) that looks the
template up with ``QCoreApplication.translate("core", template)``; it must be installed before
a message is built, since a message is translated when it is made.

:func:`N_` only marks a text for extraction (a module constant built at import, or a stored
value such as the built-in profile's name); whoever shows it translates it with
:func:`translate` (or ``QCoreApplication.translate("core", text)``) at display time.
"""

from __future__ import annotations

from collections.abc import Callable

#: The catalogue context of every core message.
CONTEXT = "core"

Translator = Callable[[str], str]

_translator: Translator | None = None


def install(translator: Translator | None) -> None:
    """Translate core messages with ``translator`` from now on (``None``: English again)."""
    global _translator
    _translator = translator


class Translated(str):
    """A translated template that remembers its English source: if the translation's
    placeholders don't fit the values (a catalogue mistake), :meth:`format` fills the
    English template instead of raising while an error is being reported."""

    source: str

    def __new__(cls, text: str, source: str) -> Translated:
        made = super().__new__(cls, text)
        made.source = source
        return made

    def format(self, *args: object, **kwargs: object) -> str:
        try:
            return str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return self.source.format(*args, **kwargs)


def translate(template: str) -> str:
    """``template`` in the installed language; the template itself when none is installed
    or the translator fails (a message must never be lost to a translation problem)."""
    translator = _translator
    if translator is None:
        return template
    try:
        translated = translator(template)
    except Exception:  # fall back to the source text: never lose a message to this
        return template
    if not translated or translated == template:
        return template
    return Translated(translated, template)


def _(template: str) -> str:
    """Mark ``template`` (a literal) as creator-facing text and translate it now."""
    return translate(template)


def N_(template: str) -> str:
    """Mark ``template`` (a literal) for extraction only; translate it when shown."""
    return template
