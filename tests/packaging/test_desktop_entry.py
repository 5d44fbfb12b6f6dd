"""The menu entry, metainfo and icons: valid, consistent, and installable for one user."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.releasereview.ReleaseReview"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
INSTALL = LINUX / "install-desktop.sh"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_opens_database_files() -> None:
    entry = _entry(DESKTOP)
    assert entry["Exec"].endswith(" %f")
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "application/vnd.sqlite3" in entry["MimeType"].split(";")
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in METAINFO.read_text()


def test_hicolor_pngs_have_their_sizes() -> None:
    for size in PNG_SIZES:
        png = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size), png
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "release-review.svg").read_bytes()


def test_windows_ico_and_macos_icns_hold_pngs() -> None:
    ico = (ROOT / "packaging" / "windows" / "release-review.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, _h, _c, _r, _p, _b, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
        width, _ = _png_size(ico[offset:offset + length])
        assert width == (w or 256)
        sizes.add(width)
    assert {16, 32, 48, 256} <= sizes

    icns = (ROOT / "packaging" / "macos" / "release-review.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, kinds = 8, {}
    while pos < len(icns):
        kind, length = icns[pos:pos + 4], struct.unpack(">I", icns[pos + 4:pos + 8])[0]
        kinds[kind] = _png_size(icns[pos + 8:pos + length])[0]
        pos += length
    assert kinds[b"ic07"] == 128 and kinds[b"ic09"] == 512 and kinds[b"ic10"] == 1024


def test_install_desktop_for_current_user(tmp_path: Path) -> None:
    program = tmp_path / "my apps" / "release-review"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    proc = subprocess.run(["sh", str(INSTALL), "--exec", str(program)], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    installed = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    entry = _entry(installed)
    assert entry["Exec"] == f'"{program}" %f'
    assert entry["TryExec"] == str(program)
    for size in PNG_SIZES:
        assert (tmp_path / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{APP_ID}.png").exists()
    assert (tmp_path / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout

    proc = subprocess.run(["sh", str(INSTALL), "--uninstall"], env=env, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert not installed.exists()
    assert not list((tmp_path / "share" / "icons").rglob(f"{APP_ID}.*"))


def test_install_desktop_refuses_missing_program(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    proc = subprocess.run(["sh", str(INSTALL), "--exec", str(tmp_path / "nope")], env=env,
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "not executable" in proc.stderr
