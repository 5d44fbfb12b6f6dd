"""The lazy release model: Qt's model tester, paging, SQL sorting, refresh of changed rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.releases import ReleaseFilter
from desktop_app.ui.release_model import COLUMNS, ID_ROLE, PAGE_SIZE, ReleaseTableModel

from .conftest import MULTILINGUAL, add_releases, release


def column(key: str) -> int:
    return [c.key for c in COLUMNS].index(key)


def test_model_passes_the_qt_model_tester(qapp, ctx) -> None:
    add_releases(ctx, MULTILINGUAL)
    model = ReleaseTableModel(ctx.library)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    assert model.rowCount() == len(MULTILINGUAL)
    model.set_filter(ReleaseFilter(languages=("az",)))
    assert model.rowCount() == 2
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    ids = add_releases(ctx, [release("Later", "added after the first load", "az")])
    model.set_filter(ReleaseFilter())
    ctx.library.set_status(ids, ReviewStatus.DONE)
    model.refresh_releases(ids)  # dataChanged checked by the tester
    assert model.index(model.row_of(ids[0]), column("status")).data() == "done"
    model.set_filter(ReleaseFilter(search="zzzz-nothing"))
    assert model.rowCount() == 0


def test_rows_are_fetched_lazily_in_pages(qapp, ctx) -> None:
    n = PAGE_SIZE * 5
    add_releases(ctx, [release(f"Release {i:04d}", f"body {i}", "en", f"2020-01-{1 + i % 28:02d}")
                       for i in range(n)])
    model = ReleaseTableModel(ctx.library)
    model.reload()
    assert model.rowCount() == n and model.fetches == 0
    model.index(0, 0).data()
    model.index(PAGE_SIZE - 1, 2).data()
    assert model.fetches == 1
    model.index(n - 1, 2).data()
    assert model.fetches == 2


def test_sorting_happens_in_sql(qapp, ctx) -> None:
    add_releases(ctx, MULTILINGUAL)
    model = ReleaseTableModel(ctx.library)
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, column("title")).data() for r in range(model.rowCount())]
    assert titles == sorted(titles)
    model.sort(column("date"), Qt.SortOrder.DescendingOrder)
    assert model.index(0, column("date")).data() == "2024-06-22"


def test_refresh_repaints_only_changed_rows(qapp, qtbot, ctx) -> None:
    ids = add_releases(ctx, MULTILINGUAL)
    model = ReleaseTableModel(ctx.library)
    model.reload()
    row = model.row_of(ids[2])
    assert model.index(row, column("status")).data() == "new"
    ctx.library.set_status([ids[2]], ReviewStatus.DONE)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_releases([ids[2]])
    assert blocker.args[0].row() == row
    assert model.index(row, column("status")).data() == "done"
    assert model.index(row, 0).data(ID_ROLE) == ids[2]


def test_markup_in_titles_is_shown_as_text(qapp, ctx) -> None:
    add_releases(ctx, [release("<b>x</b> & <i>y</i>", "body", "en")])
    model = ReleaseTableModel(ctx.library)
    model.reload()
    assert model.index(0, column("title")).data() == "<b>x</b> & <i>y</i>"
