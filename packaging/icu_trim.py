#!/usr/bin/env python3
"""Linux: a smaller ``libicudata.so.73`` for the bundle (32 MB -> ~7 MB), same ABI.

PySide6's Linux wheels carry Qt's own ICU, and its data library holds every locale's names,
currencies, units, time-zone names, collations, break dictionaries and ~190 legacy text
converters: 32 MB, the bundle's largest file. Qt uses little of it (QCollator and locale-aware
sorting, locale case mapping, legacy codecs); the app's text is UTF-8, and its UI languages
are English and Simplified Chinese. ICU supports exactly this: filtering its data package
(https://unicode-org.github.io/icu/userguide/icu_data/buildtool.html). Here the wheel's
package is filtered with ``icupkg`` (Debian/Ubuntu: ``icu-devtools``) and linked back into a
shared library exporting the same ``icudt73_dat`` symbol, with gcc.

Kept: every item that is not per-locale (properties, normalization, IDNA/StringPrep,
supplemental and time-zone tables, converter aliases) and, per-locale, ``root``, ``en*`` and
``zh*`` in every tree (main, collation, break rules, currency, language, region, unit, zone,
number spell-out), and the GB18030 converter. Dropped: the other locales, legacy converters
(``*.cnv``), dictionary-based
word breaking for Thai/Lao/Khmer/Burmese/CJK and transliterators. Anything missing falls back
to root, as ICU does for an unknown locale.

    python packaging/icu_trim.py <libicudata.so.73> <out-dir>   # prints the new path

Used by ``sora_desktop.spec``; if icupkg or gcc is missing the spec keeps the full library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Locales (and their regional variants) whose per-locale data stays: the UI languages.
KEPT_LANGUAGES = ("root", "en", "zh")
_LOCALE_BUNDLE = re.compile(r"^(?P<lang>[a-z]{2,3}|root)(_[A-Za-z0-9]+)*\.res$")
_DROPPED_TREES = ("translit/",)
_SYMBOL = re.compile(r"\b(icudt\d+_dat)\b")


#: Legacy converters kept anyway: the Chinese national standard encoding (0.2 MB).
KEPT_CONVERTERS = ("gb18030.cnv",)


def keep_item(item: str) -> bool:
    """Whether an item of the ICU data package (``tree/name`` or ``name``) stays."""
    if item in KEPT_CONVERTERS:
        return True
    if item.endswith(".cnv") or item.endswith(".dict") or item.startswith(_DROPPED_TREES):
        return False
    name = item.rsplit("/", 1)[-1]
    if name in ("res_index.res", "pool.res"):
        return True
    match = _LOCALE_BUNDLE.match(name)
    if match is None:
        return True  # not per-locale: properties, normalization, supplemental data...
    return match.group("lang") in KEPT_LANGUAGES


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the data blob the library exports."""
    out = subprocess.run(
        ["readelf", "-sW", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 8 and _SYMBOL.fullmatch(parts[-1]) and parts[3] == "OBJECT":
            address, size = int(parts[1], 16), int(parts[2], 0)
            return parts[-1], _file_offset(library, address), size
    raise RuntimeError(f"no icudt*_dat symbol in {library}")


def _file_offset(library: Path, address: int) -> int:
    out = subprocess.run(
        ["readelf", "-SW", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        fields = re.sub(r"^\s*\[\s*\d+\]\s*", "", line).split()
        if len(fields) >= 5 and fields[1] == "PROGBITS":
            start, offset, size = int(fields[2], 16), int(fields[3], 16), int(fields[4], 16)
            if start <= address < start + size:
                return address - start + offset
    raise RuntimeError(f"address {address:#x} is in no section of {library}")


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "gcc", "readelf"))


def trim(library: Path, out_dir: Path) -> Path:
    """Write the trimmed library (same file name and soname) into ``out_dir``; return it."""
    symbol, offset, size = _data_symbol(library)
    blob = library.read_bytes()[offset : offset + size]
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # icupkg insists the file name is the package name (icudt73l: version, endianness)
        package = f"{symbol.removesuffix('_dat')}{'l' if sys.byteorder == 'little' else 'b'}"
        full, small = tmp / f"{package}.dat", tmp / "small" / f"{package}.dat"
        small.parent.mkdir()
        full.write_bytes(blob)
        items = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        ).stdout.split()
        dropped = [item for item in items if not keep_item(item)]
        (tmp / "dropped.txt").write_text("\n".join(dropped) + "\n")
        subprocess.run(
            ["icupkg", "--ignore-deps", "-r", str(tmp / "dropped.txt"), str(full), str(small)],
            check=True,
            capture_output=True,
        )
        # The blob must stay 16-byte aligned: ICU reads it in place.
        asm = tmp / "data.S"
        asm.write_text(
            f".section .rodata\n.global {symbol}\n.type {symbol}, @object\n.balign 16\n"
            f'{symbol}:\n.incbin "{small}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        target = out_dir / library.name
        soname = f"-Wl,-soname,{library.name}"
        subprocess.run(
            ["gcc", "-shared", "-nostdlib", soname, "-o", str(target), str(asm)], check=True
        )
    print(
        f"icu_trim: {library.name} {library.stat().st_size / 1e6:.1f} MB -> "
        f"{target.stat().st_size / 1e6:.1f} MB ({len(dropped)} of {len(items)} items dropped)"
    )
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
