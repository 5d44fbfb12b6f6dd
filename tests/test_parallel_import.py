"""Many files are read in worker processes; the result is the same as reading them in turn."""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.domain.enums import ImportOutcome
from desktop_app.domain.progress import CancelToken
from desktop_app.services import file_reading

TEXTS = [
    ("Réunion à Bakou", "Bakou, 7 mars, AZERTAC\n\nLe ministre a reçu la délégation de l'OIM."),
    ("Bakıda görüş", "Bakı, 7 mart, AZƏRTAC\n\nNazir BMqT nümayəndə heyətini qəbul edib."),
    ("Встреча в Баку", "Баку, 7 марта, АЗЕРТАДЖ\n\nМинистр принял делегацию МОМ."),
    ("Meeting in Baku", "Baku, 7 March, AZERTAC\n\nThe minister received the IOM delegation."),
]


def write_corpus(folder, copies: int) -> int:
    folder.mkdir(parents=True)
    n = 0
    for i in range(copies):
        for j, (title, body) in enumerate(TEXTS):
            (folder / f"{i:03d}-{j}.txt").write_text(f"{title} {i}\n\n{body} Item {i}.\n",
                                                    encoding="utf-8")
            n += 1
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "same-as-first.txt").write_text(
        f"{TEXTS[0][0]} 0\n\n{TEXTS[0][1]} Item 0.\n", encoding="utf-8")
    return n


def summary(ctx):
    with ctx.db.read() as s:
        return s.execute(text(
            "SELECT title, language, date_iso, match_keys IS NOT NULL FROM releases "
            "ORDER BY title")).all()


def test_worker_processes_give_the_same_store_as_serial_reading(tmp_path, monkeypatch, app_paths):
    from desktop_app.services.context import open_context
    from desktop_app.services.paths import AppPaths

    n = write_corpus(tmp_path / "in", 8)
    serial = open_context(None, AppPaths.resolve(tmp_path / "serial"))
    try:
        serial_report = serial.ingest.import_paths([tmp_path / "in"])
        expected = summary(serial)
    finally:
        serial.close()

    monkeypatch.setattr(file_reading, "POOL_MIN_FILES", 2)
    assert file_reading.worker_count(n) >= 1
    parallel = open_context(None, app_paths)
    try:
        report = parallel.ingest.import_paths([tmp_path / "in"])
        assert summary(parallel) == expected
        assert report.imported_releases == serial_report.imported_releases == n
        outcomes = {f.path.rsplit("/", 1)[-1]: f.outcome for f in report.files}
        assert outcomes["broken.txt"] is ImportOutcome.SKIPPED
        assert outcomes["same-as-first.txt"] is ImportOutcome.EXACT_DUPLICATE
        again = parallel.ingest.import_paths([tmp_path / "in"])
        assert again.imported_releases == 0
        assert again.count(ImportOutcome.UNCHANGED) == n + 1
    finally:
        parallel.close()


def test_cancel_stops_a_parallel_import_with_whole_files_only(ctx, tmp_path, monkeypatch):
    write_corpus(tmp_path / "in", 20)
    monkeypatch.setattr(file_reading, "POOL_MIN_FILES", 2)
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done == 10:
            token.cancel()

    report = ctx.ingest.import_paths([tmp_path / "in"], progress=progress, cancel=token)
    assert report.cancelled
    stored = ctx.library.count()
    assert 0 < stored < 80
    with ctx.db.read() as s:
        files = s.execute(text("SELECT count(*) FROM release_files")).scalar()
    assert files == stored  # every stored release has its file row: no half-imported file
    finished = ctx.ingest.import_paths([tmp_path / "in"])
    assert ctx.library.count() == 80 and not finished.cancelled
