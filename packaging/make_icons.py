"""Render the app icon SVG into hicolor PNGs, a Windows .ico and a macOS .icns.

Run after editing resources/icons/release-review.svg:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
The outputs are committed so that installing the menu entry needs no renderer.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.releasereview.ReleaseReview"
SOURCE = ROOT / "resources" / "icons" / "release-review.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "windows" / "release-review.ico"
ICNS = ROOT / "packaging" / "macos" / "release-review.icns"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (the @2x ones reuse a size).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """ICO with PNG-compressed entries (Windows Vista and later read them)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def build_icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE)
    parser.add_argument("--hicolor", type=Path, default=HICOLOR)
    parser.add_argument("--ico", type=Path, default=ICO)
    parser.add_argument("--icns", type=Path, default=ICNS)
    args = parser.parse_args(argv)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        print(f"error: {args.svg} is not a valid SVG", file=sys.stderr)
        return 1
    needed = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(renderer, size) for size in sorted(needed)}

    for size in HICOLOR_SIZES:
        target = args.hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = args.hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(args.svg.read_bytes())
    args.ico.parent.mkdir(parents=True, exist_ok=True)
    args.ico.write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    args.icns.parent.mkdir(parents=True, exist_ok=True)
    args.icns.write_bytes(build_icns(pngs))
    del app
    print(f"wrote {len(HICOLOR_SIZES)} PNGs + SVG under {args.hicolor}, {args.ico}, {args.icns}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
