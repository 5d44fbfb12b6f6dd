"""--self-test passes offscreen and fails when no font can be found, from source and bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "release-review" / "release-review"
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _run(cmd: list[str], tmp_path: Path, no_fonts: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               RELEASE_REVIEW_DATA_DIR=str(tmp_path / "data"))
    if no_fonts:
        conf = tmp_path / "fonts.conf"
        conf.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"))
        env["FONTCONFIG_FILE"] = str(conf)
    return subprocess.run([*cmd, "--self-test"], env=env, capture_output=True, text=True,
                          timeout=180, cwd=tmp_path)


def test_source_self_test_fails_without_fonts(tmp_path: Path) -> None:
    # The passing run is covered in-process by the UI tests.
    proc = _run([sys.executable, "-m", "desktop_app.app"], tmp_path, no_fonts=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAIL  fonts" in proc.stdout


@pytest.mark.skipif(not BUNDLE.exists(), reason="bundle not built (make bundle)")
@pytest.mark.parametrize("no_fonts", [False, True], ids=["fonts", "no-fonts"])
def test_bundle_self_test(tmp_path: Path, no_fonts: bool) -> None:
    proc = _run([str(BUNDLE)], tmp_path, no_fonts)
    if no_fonts:
        assert proc.returncode == 1 and "FAIL  fonts" in proc.stdout, proc.stdout + proc.stderr
    else:
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "ok    main window" in proc.stdout
