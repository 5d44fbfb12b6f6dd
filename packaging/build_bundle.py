"""Build the one-folder bundle and refuse to call it done when a library is missing.

    .venv/bin/python packaging/build_bundle.py [--dist dist] [--work build/pyinstaller]

Steps: run PyInstaller on packaging/release-review.spec (log kept in <work>/build.log);
fail when PyInstaller reported a native library it could not resolve for a file that is in
the bundle, or a module of the app that it could not find; then check every native file of
the bundle with ldd; add the menu-entry installer; write a .tar.gz; print size and time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "release-review.spec"
NAME = "release-review"
APP_ID = "org.releasereview.ReleaseReview"

MISSING_LIB = re.compile(r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'")
MISSING_MODULE = re.compile(r"^missing module named '?([\w.]+)'? - imported by (.+)$")
IMPORTER = re.compile(r"([\w.]+) \(([^)]*)\)")


class BuildError(Exception):
    pass


def run_pyinstaller(dist: Path, work: Path) -> float:
    work.mkdir(parents=True, exist_ok=True)
    log_path = work / "build.log"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("$", " ".join(cmd), flush=True)
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-30:]
        raise BuildError("PyInstaller failed:\n" + "\n".join(tail))
    return elapsed


def missing_libraries(log_text: str, bundle: Path) -> list[str]:
    """Unresolved libraries of files that ended up in the bundle (dropped plugins don't count)."""
    shipped = {p.name for p in bundle.rglob("*") if p.is_file()}
    problems = []
    for lib, dependant in MISSING_LIB.findall(log_text):
        if Path(dependant).name in shipped:
            problems.append(f"{lib} (needed by {Path(dependant).name})")
    return sorted(set(problems))


def missing_app_modules(warn_file: Path) -> list[str]:
    """Modules the app imports unconditionally at top level that PyInstaller could not find."""
    problems = []
    if not warn_file.exists():
        raise BuildError(f"PyInstaller wrote no warnings file at {warn_file}")
    for line in warn_file.read_text(encoding="utf-8").splitlines():
        m = MISSING_MODULE.match(line.strip())
        if not m:
            continue
        for importer, how in IMPORTER.findall(m.group(2)):
            if importer.startswith(("desktop_app", "__main__", "launcher")) \
                    and how == "top-level":
                problems.append(f"{m.group(1)} (imported by {importer})")
    return sorted(set(problems))


def unresolved_with_ldd(bundle: Path) -> list[str]:
    """Every ELF file of the bundle resolved the way the bootloader will load it."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    from PyInstaller.depend import dylib

    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    problems = []
    for path in _elf_files(bundle):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line:
                lib = line.split("=>")[0].strip()
                # Libraries PyInstaller never bundles (libc, GL, wayland, ...) come from the
                # user's system; any other unresolved one is a hole in the bundle.
                if dylib.include_library(lib):
                    problems.append(f"{lib} (needed by {path.relative_to(bundle)})")
    return sorted(set(problems))


def _elf_files(bundle: Path):
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    yield path


def load_segments_aligned(path: Path) -> bool:
    """Whether the dynamic loader accepts the file's PT_LOAD segments (64-bit little endian)."""
    data = path.read_bytes()
    if data[4] != 2 or data[5] != 1:
        return False
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == 1 and align > 1 and offset % align != vaddr % align:
            return False
    return True


def strip_binaries(bundle: Path) -> int:
    """Strip every ELF file, keeping a result only when the loader will still accept it.

    binutils' strip corrupts libraries that auditwheel/patchelf edited (NumPy's OpenBLAS,
    for one: "ELF load command address/offset not page-aligned"), so PyInstaller's own
    strip option cannot be used; each stripped copy is checked and the original kept
    when the check fails. Returns the bytes saved.
    """
    tool = shutil.which("strip")
    if tool is None or not sys.platform.startswith("linux"):
        return 0
    saved = 0
    for path in _elf_files(bundle):
        trial = path.with_name(path.name + ".strip-trial")
        shutil.copy2(path, trial)
        ok = subprocess.run([tool, "--strip-unneeded", str(trial)],
                            capture_output=True).returncode == 0
        smaller = ok and trial.stat().st_size < path.stat().st_size
        if smaller and load_segments_aligned(trial):
            saved += path.stat().st_size - trial.stat().st_size
            trial.replace(path)
        else:
            trial.unlink()
    return saved


def add_desktop_installer(bundle: Path) -> None:
    linux = ROOT / "packaging" / "linux"
    shutil.copy2(linux / "install-desktop.sh", bundle / "install-desktop.sh")
    shutil.copy2(linux / f"{APP_ID}.desktop", bundle / f"{APP_ID}.desktop")


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def archive(bundle: Path) -> Path:
    from desktop_app import __version__

    target = bundle.parent / f"{NAME}-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=NAME)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    dist, work = args.dist.resolve(), args.work.resolve()
    bundle = dist / NAME
    try:
        elapsed = run_pyinstaller(dist, work)
        log_text = (work / "build.log").read_text(encoding="utf-8", errors="replace")
        problems = missing_libraries(log_text, bundle)
        problems += missing_app_modules(work / "release-review" / f"warn-{NAME}.txt")
        problems += unresolved_with_ldd(bundle)
        if problems:
            raise BuildError("the bundle is missing libraries or modules:\n  "
                             + "\n  ".join(problems)
                             + "\n(install them on the build machine, see packaging/README.md)")
        saved = strip_binaries(bundle)
        add_desktop_installer(bundle)
        size = tree_size(bundle)
        print(f"stripped: {saved / 1e6:.1f} MB saved")
        print(f"bundle: {bundle}")
        print(f"build time: {elapsed:.1f} s")
        print(f"unpacked size: {size / 1e6:.1f} MB ({size} bytes)")
        if not args.no_archive:
            tgz = archive(bundle)
            print(f"compressed: {tgz.name} {tgz.stat().st_size / 1e6:.1f} MB")
    except BuildError as exc:
        print(f"BUNDLE BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
