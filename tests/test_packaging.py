"""Fast checks of the packaging files: they can't drift from the package or from each other.

The spec is executed for real (with PyInstaller's build classes recorded instead of run), once
per target OS, so a typo, a missing icon or a wrong version shows up here and not in a
45-minute release job.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import yaml
from PIL import Image

import sora_desktop

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
RUNTIME_ICONS = ROOT / "sora_desktop" / "resources" / "icons"
WORKFLOWS = ROOT / ".github" / "workflows"

sys.path.insert(0, str(PACKAGING))
import buildinfo as bi  # noqa: E402
import icu_trim  # noqa: E402

sys.path.remove(str(PACKAGING))


# --- the spec, executed with recording stand-ins ------------------------------------------


class _Recorder:
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self) -> None:
        self.calls = []

    def cls(self, kind: str) -> Any:
        recorder = self

        def make(*args: Any, **kwargs: Any) -> Any:
            recorder.calls.append((kind, args, kwargs))
            return SimpleNamespace(
                kind=kind, args=args, kwargs=kwargs, binaries=[], datas=[], scripts=[], pure=[]
            )

        return make

    def of(self, kind: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(a, k) for name, a, k in self.calls if name == kind]


def run_spec(platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    """Execute the spec as PyInstaller would, with its API replaced by recorders.

    PyInstaller itself is not needed (it is in the ``packaging`` extra, not ``test``).
    """
    hooks = ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda pkg, **_: [f"{pkg}.mod"]  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda dist, **_: [(f"{dist}.dist-info", dist)]  # type: ignore[attr-defined]
    bindepend = ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda filename, search_paths=None: set()  # type: ignore[attr-defined]
    for package in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        parent = ModuleType(package)
        parent.__path__ = []  # a package, so the submodules below resolve from sys.modules
        monkeypatch.setitem(sys.modules, package, parent)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts packaging/
    rec = _Recorder()
    spec = PACKAGING / "sora_desktop.spec"
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": str(spec),
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        **{k: rec.cls(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    sys.modules.pop("buildinfo", None)
    try:
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    finally:
        sys.modules.pop("buildinfo", None)
    return rec


def test_spec_windows_two_exes_icon_and_version_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = run_spec("win32", tmp_path, monkeypatch)
    exes = {kw["name"]: kw for _a, kw in rec.of("EXE")}
    assert set(exes) == {"sora-desktop", "sora-desktop-cli"}
    assert exes["sora-desktop"]["console"] is False
    assert exes["sora-desktop-cli"]["console"] is True
    assert not rec.of("BUNDLE")
    ((coll_args, coll_kw),) = rec.of("COLLECT")
    assert coll_kw["name"] == "sora-desktop"
    assert len([a for a in coll_args if getattr(a, "kind", None) == "EXE"]) == 2
    for kw in exes.values():
        assert Path(kw["icon"]) == ICONS / "app.ico" and Path(kw["icon"]).is_file()
        assert kw["strip"] is False and kw["upx"] is False
        version_file = Path(kw["version"])
        text = version_file.read_text(encoding="utf-8")
        assert f"StringStruct('ProductVersion', '{sora_desktop.__version__}')" in text
        assert f"StringStruct('OriginalFilename', '{kw['name']}.exe')" in text
        call = ast.parse(text, mode="eval").body  # PyInstaller evaluates this expression
        assert isinstance(call, ast.Call) and getattr(call.func, "id", "") == "VSVersionInfo"
        ffi = next(k.value for k in call.keywords if k.arg == "ffi")
        assert isinstance(ffi, ast.Call)
        filevers = next(k.value for k in ffi.keywords if k.arg == "filevers")
        assert ast.literal_eval(filevers) == bi.version_tuple(sora_desktop.__version__)


def test_spec_macos_bundle_identity_version_and_plist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = run_spec("darwin", tmp_path, monkeypatch)
    ((_args, bundle),) = rec.of("BUNDLE")
    assert bundle["name"] == "Sora Desktop.app"
    assert bundle["bundle_identifier"] == "com.soradesktop.app"
    assert bundle["version"] == sora_desktop.__version__
    assert Path(bundle["icon"]) == ICONS / "app.icns" and Path(bundle["icon"]).is_file()
    plist = bundle["info_plist"]
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False
    assert re.fullmatch(r"\d+\.\d+", plist["LSMinimumSystemVersion"])
    assert plist["CFBundleShortVersionString"] == sora_desktop.__version__
    assert plist["CFBundleIdentifier"] == bundle["bundle_identifier"]
    ((_a, exe),) = rec.of("EXE")  # one executable: the .app's, which works in a terminal too
    assert exe["name"] == "sora-desktop" and exe["strip"] is False  # stripping breaks signing


def test_spec_linux_collects_what_the_app_needs_and_excludes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = run_spec("linux", tmp_path, monkeypatch)
    ((args, analysis),) = rec.of("Analysis")
    assert [Path(p) for p in args[0]] == [PACKAGING / "entry.py"]
    hidden = analysis["hiddenimports"]
    assert "keyring.backends.mod" in hidden  # collect_submodules("keyring.backends")
    assert "PySide6.QtMultimedia" in hidden
    datas = dict((dest, src) for src, dest in analysis["datas"])
    assert Path(datas["sora_desktop/resources"]) == ROOT / "sora_desktop" / "resources"
    # Help > documentation reads them from there in a bundle (gui/help_menu.docs_index)
    assert Path(datas["sora_desktop/resources/docs"]) == ROOT / "README.md"
    assert Path(datas["sora_desktop/resources/docs/docs"]) == ROOT / "docs"
    assert "keyring.dist-info" in {src for src, _dest in analysis["datas"]}  # entry points
    for module in ("PySide6.QtWebEngineCore", "PySide6.QtPdf", "PySide6.Qt3DCore", "tkinter"):
        assert module in analysis["excludes"]
    assert Path(analysis["hookspath"][0], "hook-sora_desktop.py").is_file()
    ((_a, exe),) = rec.of("EXE")
    assert exe["strip"] is False and exe["icon"] is None  # selective: _strip_safe_copies
    assert not rec.of("BUNDLE")


def test_no_excluded_qt_module_is_used_by_the_app() -> None:
    used: set[str] = set()
    for path in (ROOT / "sora_desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used.update(alias.name for alias in node.names)
    qt_used = {m.split(".")[1] for m in used if m.startswith("PySide6.")}
    assert "QtMultimedia" in qt_used  # the scan works: the preview and self-test use it
    assert not qt_used & set(bi.EXCLUDED_QT_MODULES), "the bundle would lack these modules"


def test_entry_script_calls_the_package_main() -> None:
    tree = ast.parse((PACKAGING / "entry.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "sora_desktop.__main__" and n.names[0].name == "main" for n in imports)


# --- version: one home --------------------------------------------------------------------


def test_version_is_read_from_the_package(tmp_path: Path) -> None:
    assert bi.read_version() == sora_desktop.__version__
    fake = tmp_path / "__init__.py"
    fake.write_text('"""x"""\n__version__ = "2.5.1rc2"\n', encoding="utf-8")
    assert bi.read_version(fake) == "2.5.1rc2"
    assert bi.version_tuple("2.5.1rc2") == (2, 5, 1, 0)
    assert bi.version_tuple("3") == (3, 0, 0, 0)
    fake.write_text("VERSION = 1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        bi.read_version(fake)


def test_bundle_paths_per_platform(tmp_path: Path) -> None:
    assert bi.bundle_executable(tmp_path, cli=True, platform="win32") == (
        tmp_path / "sora-desktop" / "sora-desktop-cli.exe"
    )
    assert bi.bundle_executable(tmp_path, platform="darwin") == (
        tmp_path / "Sora Desktop.app" / "Contents" / "MacOS" / "sora-desktop"
    )
    assert bi.bundle_executable(tmp_path, cli=True, platform="linux") == (
        tmp_path / "sora-desktop" / "sora-desktop"
    )


def test_trimming_rules() -> None:
    assert not bi.keep_in_bundle("libgtk-3.so.0", platform="linux")
    assert not bi.keep_in_bundle("PySide6/Qt/plugins/platformthemes/libqgtk3.so", platform="linux")
    assert bi.keep_in_bundle("PySide6/Qt/plugins/platforms/libqxcb.so", platform="linux")
    assert bi.keep_in_bundle("PySide6/Qt/plugins/platforms/libqwayland.so", platform="linux")
    assert bi.keep_in_bundle("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "linux")
    assert bi.keep_in_bundle("libgtk-3.so.0", platform="win32")  # rules are Linux-only
    assert bi.keep_in_bundle("PySide6/Qt/translations/qtbase_zh_CN.qm", platform="win32")
    assert bi.keep_in_bundle("PySide6/Qt/translations/qt_zh_CN.qm", platform="linux")
    assert bi.keep_in_bundle("PySide6/Qt/translations/qtmultimedia_en.qm", platform="darwin")
    assert not bi.keep_in_bundle("PySide6/Qt/translations/qtbase_de.qm", platform="win32")
    assert not bi.keep_in_bundle("PySide6/Qt/translations/qt_zh_TW.qm", platform="linux")
    assert not bi.keep_in_bundle("PySide6/Qt/translations/qtwebengine_zh_CN.qm", "win32")
    assert bi.keep_in_bundle("sora_desktop/resources/i18n/sora_de.qm", platform="linux")


def test_host_libraries_are_dropped_even_when_linked_but_wheel_copies_stay() -> None:
    assert bi.host_provided("libX11.so.6", platform="linux")
    assert bi.host_provided("libpulsecommon-16.1.so", platform="linux")
    assert not bi.keep_in_bundle("libglib-2.0.so.0", platform="linux")
    # vendored by a wheel (renamed by auditwheel): the wheel's build needs its own copy
    assert not bi.host_provided("pillow.libs/libxcb-9065bb12.so.1.1.0", platform="linux")
    assert bi.keep_in_bundle("pillow.libs/libxcb-9065bb12.so.1.1.0", platform="linux")
    # ABI-sensitive or not a desktop given: bundled
    for name in ("libstdc++.so.6", "libssl.so.3", "libsqlite3.so.0", "libpython3.11.so.1.0"):
        assert not bi.host_provided(name, platform="linux"), name
        assert bi.keep_in_bundle(name, platform="linux"), name
    assert not bi.host_provided("libX11.so.6", platform="darwin")


def test_one_size_budget_for_every_os() -> None:
    assert bi.MAX_BUNDLE_MB == 250
    for module in ("numpy", "PIL._avif", "rich", "openai", "pytest"):
        assert module in bi.EXCLUDED_MODULES


def test_strip_only_what_survives_stripping() -> None:
    assert bi.strip_safe("libpython3.11.so.1.0", platform="linux")
    assert bi.strip_safe("av/video/frame.abi3.so", platform="linux")
    # patchelf'd by auditwheel: stripping made these unloadable in the frozen self-test
    assert not bi.strip_safe("numpy.libs/libscipy_openblas64_-32a4b2a6.so", platform="linux")
    assert not bi.strip_safe("PySide6/Qt/lib/libavformat.so.63", platform="linux")
    assert not bi.strip_safe("libpython3.11.dylib", platform="darwin")  # breaks signatures


# --- icons --------------------------------------------------------------------------------


def test_svg_source_is_valid_and_the_runtime_copy_matches() -> None:
    svg = ICONS / "app.svg"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 1024 1024"
    assert (RUNTIME_ICONS / "app.svg").read_bytes() == svg.read_bytes()


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512, 1024])
def test_png_icons_exist_at_every_size(size: int) -> None:
    with Image.open(ICONS / "png" / f"app_{size}.png") as im:
        assert im.format == "PNG" and im.size == (size, size) and im.mode == "RGBA"
        corner = im.getpixel((0, 0))
        centre = im.getpixel((size // 2, size // 2))
    assert isinstance(corner, tuple) and isinstance(centre, tuple)
    assert corner[3] == 0  # transparent outside the rounded tile
    assert centre[3] == 255  # opaque where the play triangle is
    if size <= 512:
        assert (RUNTIME_ICONS / f"app_{size}.png").read_bytes() == (
            ICONS / "png" / f"app_{size}.png"
        ).read_bytes()


def test_ico_holds_several_sizes() -> None:
    with Image.open(ICONS / "app.ico") as ico:
        assert ico.format == "ICO"
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    assert len(sizes) >= 6


def test_icns_is_valid_up_to_1024() -> None:
    with Image.open(ICONS / "app.icns") as icns:
        assert icns.format == "ICNS"
        icns.size = (1024, 1024)  # type: ignore[misc] - selects the 512@2x entry
        icns.load()
        assert icns.size == (1024, 1024)


# --- installers ---------------------------------------------------------------------------


def _iss() -> str:
    return (PACKAGING / "windows" / "sora_desktop.iss").read_text(encoding="utf-8")


def test_inno_setup_script_references_existing_files() -> None:
    text = _iss()
    here = PACKAGING / "windows"
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE)
    assert icon and (here / icon.group(1).strip().replace("\\", "/")).resolve() == (
        ICONS / "app.ico"
    )
    source = re.search(r'#define SourceDir "(.+)"', text)
    assert source and (here / source.group(1).replace("\\", "/")).resolve() == (
        ROOT / "dist" / bi.DIST_NAME
    )
    assert f'#define AppExe "{bi.GUI_EXE}.exe"' in text
    assert "#error" in text and "AppVersion={#AppVersion}" in text  # version only from /D
    assert "PrivilegesRequired=lowest" in text  # per-user by default
    assert re.search(r'Name: "desktopicon".*Flags: unchecked', text)  # optional shortcut
    assert "{autoprograms}" in text  # Start menu


def test_dmg_script_is_valid_bash_and_gates_signing_on_credentials() -> None:
    script = PACKAGING / "macos" / "make_dmg.sh"
    text = script.read_text(encoding="utf-8")
    assert f'APP="$DIST/{bi.MACOS_APP}"' in text
    for var in ("MACOS_SIGNING_IDENTITY", "APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert f"${{{var}:-}}" in text  # optional: absent means unsigned, not an error
    assert "notarytool submit" in text and "stapler staple" in text
    assert "UNSIGNED" in text
    assert (PACKAGING / "macos" / "entitlements.plist").is_file()
    bash = shutil.which("bash")
    if bash and sys.platform != "win32":
        subprocess.run([bash, "-n", str(script)], check=True)


# --- workflows ----------------------------------------------------------------------------


def _workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _runs(data: dict[Any, Any]) -> list[str]:
    return [step.get("run", "") for job in data["jobs"].values() for step in job["steps"]]


def test_tests_workflow_runs_dev_py_test_on_three_oses() -> None:
    data = _workflow("tests.yml")
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as True
    assert "pull_request" in triggers and "push" in triggers
    matrix = data["jobs"]["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "windows-latest", "macos-latest"}
    assert set(matrix["python"]) == {"3.11", "3.12"}
    runs = _runs(data)
    assert any(r.strip() == "python dev.py test" for r in runs)
    apt = next(r for r in runs if "apt-get install" in r)
    assert "dev.QT_LINUX_PACKAGES" in apt and "dev.TEST_LINUX_PACKAGES" in apt
    sys.path.insert(0, str(ROOT))
    try:
        import dev

        assert "libxcb-cursor0" in dev.QT_LINUX_PACKAGES and dev.TEST_LINUX_PACKAGES
    finally:
        sys.path.remove(str(ROOT))


def test_release_workflow_builds_self_tests_and_packages_every_os() -> None:
    data = _workflow("release.yml")
    triggers = data.get("on", data.get(True))
    assert triggers["push"]["tags"] == ["v*"]
    build = data["jobs"]["build"]
    assert set(build["strategy"]["matrix"]["os"]) == {
        "windows-latest",
        "macos-latest",
        "ubuntu-latest",
    }
    runs = "\n".join(_runs(data))
    assert "python dev.py test" in runs  # tests before packaging
    assert "packaging/build.py" in runs  # freeze + self-test of the frozen app
    assert "/DAppVersion=" in runs and "packaging/windows/sora_desktop.iss" in runs
    assert "packaging/macos/make_dmg.sh" in runs
    assert "buildinfo.read_version()" in runs  # the version from the package, checked vs tag
    for path in re.findall(r"packaging/[\w/.]+\.(?:py|iss|sh)", runs):
        assert (ROOT / path).is_file(), path
    assert data["jobs"]["release"]["needs"] == "build"


@pytest.mark.tools
def test_workflows_pass_zizmor() -> None:
    """The security audit dev.py runs (offline: no GitHub token needed, same result on every
    machine): pinned actions, no credentials left in the checkout, no template injection."""
    zizmor = shutil.which("zizmor", path=sysconfig.get_path("scripts"))  # Scripts\ on Windows
    assert zizmor, "zizmor is a test dependency (pip install zizmor)"
    proc = subprocess.run(
        [zizmor, "--offline", "--quiet", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_entry_point_and_dev_py_agree() -> None:
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# --- ICU data (Linux) ---------------------------------------------------------------------


def test_icu_items_kept_are_the_ui_languages_and_everything_not_per_locale() -> None:
    for item in ("root.res", "en_GB.res", "zh_Hans_CN.res", "coll/zh.res", "coll/root.res"):
        assert icu_trim.keep_item(item), item
    for item in ("pool.res", "coll/res_index.res", "uprops.icu", "nfkc.nrm", "zoneinfo64.res"):
        assert icu_trim.keep_item(item), item
    assert icu_trim.keep_item("gb18030.cnv")
    for item in ("de.res", "coll/ja.res", "zone/fr_CA.res", "ibm-943_P15A-2003.cnv"):
        assert not icu_trim.keep_item(item), item
    assert not icu_trim.keep_item("brkitr/cjdict.dict")
    assert not icu_trim.keep_item("translit/Latin_ASCII.res")


_ICU_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
pinyin = sorted(["中文", "波", "阿"], key=QCollator(QLocale("zh_CN")).sortKey)
print(",".join(pinyin), QLocale("tr_TR").toUpper("i"),
      QStringDecoder("GB18030").isValid(), QStringDecoder("Shift_JIS").isValid())
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt bundles ICU on Linux only")
def test_trimmed_icu_data_library_serves_qt(tmp_path: Path) -> None:
    """The wheel's libicudata, trimmed, loads in place of the original and still gives
    Chinese (pinyin) collation and locale case mapping; a dropped converter is gone, which
    proves the trimmed copy is the one in use."""
    if not icu_trim.tools_available():
        pytest.fail("icupkg and gcc are needed: apt-get install icu-devtools gcc (dev.py does)")
    import PySide6

    original = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
    trimmed = icu_trim.trim(original, tmp_path)
    assert trimmed.stat().st_size < original.stat().st_size / 4
    env = {**os.environ, "LD_PRELOAD": str(trimmed), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _ICU_PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["阿,波,中文", "İ", "True", "False"]
