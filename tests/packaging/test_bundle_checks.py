"""The bundle's filters and build checks, without running PyInstaller."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_bundle  # noqa: E402
from bundle_filters import drop_pattern, is_dropped  # noqa: E402

QT = "PySide6/Qt"
KEPT = [f"{QT}/lib/libQt6Core.so.6", f"{QT}/lib/libQt6Gui.so.6", f"{QT}/lib/libQt6Widgets.so.6",
        f"{QT}/lib/libQt6Svg.so.6", f"{QT}/lib/libQt6XcbQpa.so.6", f"{QT}/lib/libQt6DBus.so.6",
        f"{QT}/lib/libQt6WaylandClient.so.6", f"{QT}/lib/libicudata.so.73",
        f"{QT}/plugins/platforms/libqxcb.so", f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/platforms/libqoffscreen.so", f"{QT}/plugins/imageformats/libqsvg.so",
        f"{QT}/plugins/iconengines/libqsvgicon.so", f"{QT}/plugins/imageformats/libqico.so",
        f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so",
        f"{QT}/translations/qtbase_ru.qm", "PySide6/QtWidgets.abi3.so",
        "PySide6\\Qt6Widgets.dll", "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/translations/qtbase_ru.qm", "resources/i18n/release_review_ru.qm"]
DROPPED = [f"{QT}/lib/libQt6Sql.so.6", f"{QT}/lib/libQt6Network.so.6",
           f"{QT}/lib/libQt6Quick.so.6", f"{QT}/lib/libQt6QmlModels.so.6",
           f"{QT}/lib/libQt6Pdf.so.6", f"{QT}/plugins/sqldrivers/libqsqlite.so",
           f"{QT}/plugins/tls/libqopensslbackend.so", f"{QT}/plugins/platformthemes/libqgtk3.so",
           f"{QT}/plugins/platforms/libqeglfs.so", f"{QT}/qml/QtQuick/qmldir",
           f"{QT}/translations/qtbase_de.qm", f"{QT}/translations/qtdeclarative_ru.qm",
           "PySide6\\Qt6Network.dll", "PySide6/plugins/sqldrivers/qsqlite.dll",
           "PySide6/translations/qtbase_de.qm", "PySide6/qml/QtQuick/qmldir"]


def test_filters_keep_what_the_app_needs_and_drop_the_rest() -> None:
    pattern = drop_pattern(["ru"])
    assert [d for d in KEPT if is_dropped(pattern, d)] == []
    assert [d for d in DROPPED if not is_dropped(pattern, d)] == []


def test_missing_library_counts_only_for_shipped_files(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "libqxcb.so").write_bytes(b"")
    log = ("1 WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
           "'/venv/PySide6/Qt/plugins/platforms/libqxcb.so'.\n"
           "2 WARNING: Library not found: could not resolve 'libgtk-3.so.0', dependency of "
           "'/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so'.\n")
    assert build_bundle.missing_libraries(log, tmp_path) == [
        "libxcb-icccm.so.4 (needed by libqxcb.so)"]


def test_missing_app_module_only_when_imported_unconditionally(tmp_path: Path) -> None:
    warn = tmp_path / "warn.txt"
    warn.write_text(
        "missing module named winreg - imported by platformdirs.windows (delayed, optional)\n"
        "missing module named lingua - imported by desktop_app.importers.language (delayed, "
        "conditional)\n"
        "missing module named 'rapidfuzz.fuzz' - imported by desktop_app.matching.aliases "
        "(top-level), other.mod (top-level)\n")
    assert build_bundle.missing_app_modules(warn) == [
        "rapidfuzz.fuzz (imported by desktop_app.matching.aliases)"]
    with pytest.raises(build_bundle.BuildError):
        build_bundle.missing_app_modules(tmp_path / "absent.txt")


def _elf_with_load(offset: int, vaddr: int, align: int = 0x1000) -> bytes:
    header = bytearray(64)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 0x20, 64)
    struct.pack_into("<HH", header, 0x36, 56, 1)
    phdr = struct.pack("<IIQQQQQQ", 1, 5, offset, vaddr, vaddr, 0x100, 0x100, align)
    return bytes(header) + phdr


def test_segment_alignment_check(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.so", tmp_path / "bad.so"
    good.write_bytes(_elf_with_load(0x2000, 0x402000))
    bad.write_bytes(_elf_with_load(0x2010, 0x402000))
    assert build_bundle.load_segments_aligned(good)
    assert not build_bundle.load_segments_aligned(bad)


@pytest.mark.skipif(shutil.which("strip") is None or not sys.platform.startswith("linux"),
                    reason="needs binutils on Linux")
def test_strip_keeps_a_loadable_library(tmp_path: Path, monkeypatch) -> None:
    import _json

    if not getattr(_json, "__file__", "").endswith(".so"):
        pytest.skip("_json is built into this Python")
    original = Path(_json.__file__)
    target = tmp_path / "bundle" / original.name
    target.parent.mkdir()
    shutil.copy2(original, target)
    before = target.read_bytes()
    build_bundle.strip_binaries(target.parent)
    # Still loads after stripping (in a child: two copies of one module in a process crash).
    load = ("import importlib.util, sys; s = importlib.util.spec_from_file_location('_json', "
            "sys.argv[1]); m = importlib.util.module_from_spec(s); s.loader.exec_module(m); "
            "print(hasattr(m, 'make_scanner'))")
    proc = subprocess.run([sys.executable, "-c", load, str(target)], capture_output=True,
                          text=True, timeout=60)
    assert proc.stdout.strip() == "True", proc.stderr

    # A stripped copy the loader would refuse is thrown away and the original kept.
    shutil.copy2(original, target)
    monkeypatch.setattr(build_bundle, "load_segments_aligned", lambda _p: False)
    build_bundle.strip_binaries(target.parent)
    assert target.read_bytes() == before
    assert not list(target.parent.glob("*.strip-trial"))


def test_spec_compiles_and_its_inputs_exist() -> None:
    spec = ROOT / "packaging" / "release-review.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
    for rel in ("packaging/launcher.py", "packaging/windows/release-review.ico",
                "packaging/macos/release-review.icns", "packaging/windows/version_info.txt",
                "db/env.py", "resources/demo", "resources/icons/release-review.svg"):
        assert (ROOT / rel).exists(), rel
    text = spec.read_text(encoding="utf-8")
    for needle in ('"PySide6." + name', '"QtSql"', '"QtNetwork"', "console=False",
                   "bundle_identifier=APP_ID", "BUNDLE("):
        assert needle in text, needle
