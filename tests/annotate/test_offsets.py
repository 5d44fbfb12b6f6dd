"""Code points in the store, UTF-16 in the widget: every boundary of texts with emoji (astral),
Azerbaijani letters and Cyrillic maps both ways, and tags land on their exact characters."""

from __future__ import annotations

import pytest

from desktop_app.domain.annotations import check_span, trim_span
from desktop_app.domain.errors import InvalidSpanError
from desktop_app.ui.annotate.view import AnnotatedTextView

TEXTS = [
    "😀 Şəki ğöl ışıq 🎉",
    "Виторино 👍🏽 встретил Əliyev",
    "𝒜𝒷𝒸 İlham\nƏliyev 🇦🇿 Bakı",
    "plain ascii",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_selection_round_trips(qtbot, text):
    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.set_release(1, text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            view.select_span(start, end)
            assert view.selected_span() == (start, end), (start, end)
            assert view.textCursor().selectedText().replace("\u2029", "\n") == text[start:end]


def test_a_half_selected_surrogate_pair_counts_as_covered(qtbot):
    text = "a😀b"
    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.set_release(1, text)
    cursor = view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(2, cursor.MoveMode.KeepAnchor)   # "a" and the first half of 😀
    view.setTextCursor(cursor)
    start, end = view.selected_span()
    assert text[start:end] in ("a😀", "a")   # Qt may snap; never half a character
    assert view.positions.to_code_point(3) == 2 and view.positions.to_utf16(2) == 3


def test_covered_text_is_checked():
    text = "😀 Şəki"
    assert check_span(text, 2, 6) == "Şəki"
    assert check_span(text, 0, 1) == "😀"
    with pytest.raises(InvalidSpanError):
        check_span(text, 2, 6, "Seki")
    with pytest.raises(InvalidSpanError):
        check_span(text, 5, 9)
    with pytest.raises(InvalidSpanError):
        check_span(text, 1, 2)        # only a space
    assert trim_span(" Şəki ", 0, 6) == (1, 5)


def test_service_stores_code_points_over_astral_text(ctx, corpus):
    rid = corpus["emoji.txt"]
    text = ctx.annotate.text_of(rid)
    for word in ("Şəki", "ğöl", "ışıq", "Алиев", "Vitorino"):
        start = text.index(word)
        span, _ = ctx.annotate.create_span(rid, start, start + len(word), 1)
        assert span.text == word and text[span.start:span.end] == word
    assert [s.text for s in ctx.annotate.spans(rid)] == ["Şəki", "ğöl", "ışıq", "Алиев", "Vitorino"]


def test_long_text_draws_tags_near_the_viewport_and_follows_scrolling(qtbot):
    from desktop_app.domain.annotations import AnnotationSchema, EntityType, Span

    para = "Prezident İlham Əliyev 😀 qəbul edib, Виторино встретил. " * 6
    text = "\n\n".join([para] * 120)                     # about 45,000 characters
    starts = [i for i in range(len(text)) if text.startswith("Əliyev", i)]
    spans = [Span(n, 1, s, s + 6, "Əliyev", 1) for n, s in enumerate(starts)]
    schema = AnnotationSchema((EntityType(1, "PERSON", "#e6194b", "p"),), ())
    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_release(1, text)
    view.show_annotations(schema, spans, [])

    def drawn() -> set[int]:
        return {view.positions.to_code_point(sel.cursor.selectionStart())
                for sel in view.extraSelections()}

    first = drawn()
    assert first and len(first) < len(spans) and min(first) == starts[0]
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    a, b = view.visible_range()
    visible = {s for s in starts if a <= s < b}
    assert visible and visible <= drawn()
    assert max(drawn()) == starts[-1]
    for s in visible:   # every drawn tag covers exactly its word
        assert text[s:s + 6] == "Əliyev"


def test_repainting_many_tags_keeps_references_to_none(qtbot):
    """Drawing tags must not drain None's reference count (see ui/annotate/qtcompat.py)."""
    import sys

    from desktop_app.domain.annotations import AnnotationSchema, EntityType, Span

    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.set_release(1, "word " * 2000)
    spans = [Span(i, 1, i * 5, i * 5 + 4, "word", 1) for i in range(1000)]
    schema = AnnotationSchema((EntityType(1, "PERSON", "#e6194b", "p"),), ())
    import gc

    gc.collect()
    gc.disable()     # freeing unrelated objects also lowers the count: keep them out
    try:
        before = sys.getrefcount(None)
        for _ in range(20):
            view.show_annotations(schema, spans, [])
        drift = sys.getrefcount(None) - before
    finally:
        gc.enable()
    assert drift > -4000    # 40,000 setPosition calls were made; unbalanced, -40,000
