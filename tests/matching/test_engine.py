"""Detection on invented multilingual releases: versions found, look-alikes left alone."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.domain.enums import DuplicateKind
from desktop_app.domain.errors import Cancelled
from desktop_app.domain.progress import CancelToken
from desktop_app.matching.blocking import BlockingConfig, candidate_pairs
from desktop_app.matching.engine import Engine
from desktop_app.matching.index import CorpusIndex, payload_items
from desktop_app.matching.keys import compute_keys
from desktop_app.matching.names import name_key
from desktop_app.matching.scoring import agreement, agreement_factors, sparse_dot
from desktop_app.services.dedup import entity_key_map

from . import fixtures as F

DOCS = {
    "meeting-fr": ("fr", F.MEETING_FR), "meeting-az": ("az", F.MEETING_AZ),
    "meeting-ru": ("ru", F.MEETING_RU), "meeting-en": ("en", F.MEETING_EN),
    "earlier-fr": ("fr", F.EARLIER_FR), "earlier-en": ("en", F.EARLIER_EN),
    "short-fr": ("fr", F.SHORT_FR), "convoy-a": ("fr", F.CONVOY_A),
    "convoy-b": ("fr", F.CONVOY_B),
    **{f"other-{i}": (lang, (title, body)) for i, (lang, title, body) in enumerate(F.OTHER)},
}
NAMES = list(DOCS)
MEETING = {"meeting-fr", "meeting-az", "meeting-ru", "meeting-en", "short-fr"}


def build(names=NAMES, dates=None):
    keys = {i: compute_keys(DOCS[n][1][0], DOCS[n][1][1], DOCS[n][0],
                            (dates or {}).get(n)) for i, n in enumerate(names)}
    index = CorpusIndex()
    index.build(payload_items(keys.items()))
    return Engine(index, lambda ids: {i: keys[i] for i in ids}, keep_scores=True), keys


def proposed(result, names=NAMES):
    return {frozenset((names[c.a], names[c.b])): c for c in result.candidates}


def test_versions_across_four_languages_and_a_cut_copy_are_found():
    engine, _ = build()
    found = proposed(engine.detect())
    for x in MEETING:
        for y in MEETING - {x}:
            assert frozenset((x, y)) in found, (x, y)
    assert found[frozenset(("meeting-fr", "short-fr"))].kind is DuplicateKind.NEAR
    assert found[frozenset(("meeting-fr", "meeting-az"))].kind is DuplicateKind.CROSS_LANGUAGE
    assert frozenset(("earlier-fr", "earlier-en")) in found


def test_same_people_at_another_meeting_and_convoys_on_other_days_are_not_versions():
    engine, _ = build()
    found = proposed(engine.detect())
    for pair in found:
        assert not (pair & {"earlier-fr", "earlier-en"} and pair & MEETING), pair
        assert pair != frozenset(("convoy-a", "convoy-b"))
        assert not any(n.startswith("other-") for n in pair), pair
    assert len(found) == 11   # 10 meeting pairs and the earlier meeting's two versions


def test_evidence_pairs_spellings_and_lists_shared_figures_and_dates():
    engine, _ = build()
    c = proposed(engine.detect())[frozenset(("meeting-fr", "meeting-ru"))]
    names = {(a, b) if NAMES[c.a] == "meeting-fr" else (b, a) for a, b in c.evidence.names}
    assert ("Berglund", "Берглунда") in names
    assert ("Mammadova", "Мамедова") in names
    assert {"17", "36", "4.8", "2024"} <= set(c.evidence.numbers)
    assert c.evidence.dates == ("03-12",)
    assert "Berglund ↔ Берглунда" in c.evidence.summary(10) or \
        "Берглунда ↔ Berglund" in c.evidence.summary(10)


def test_differing_dates_and_figures_count_against_a_pair():
    _, keys = build()
    a, b = NAMES.index("convoy-a"), NAMES.index("convoy-b")
    factor, conflicts = agreement(keys[a], keys[b], -1, -1)
    assert factor < 0.5
    assert any(c.startswith("dates") for c in conflicts)
    assert any(c.startswith("figures") for c in conflicts)
    fr, ru = NAMES.index("meeting-fr"), NAMES.index("meeting-ru")
    assert agreement(keys[fr], keys[ru], -1, -1)[0] > 1.0


def test_vectorised_agreement_matches_the_pairwise_rule():
    engine, keys = build()
    pairs = [(i, j) for i in range(len(NAMES)) for j in range(i + 1, len(NAMES))]
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    fast = agreement_factors(engine.index, a, b)
    slow = [agreement(keys[i], keys[j], -1, -1)[0] for i, j in pairs]
    assert fast == pytest.approx(slow, rel=1e-6)


def test_release_dates_far_apart_block_and_penalise():
    dates = {n: "2024-03-12" for n in NAMES}
    dates["meeting-ru"] = "2024-09-30"
    engine, _ = build(dates=dates)
    found = proposed(engine.detect())
    assert not any("meeting-ru" in pair for pair in found)
    assert frozenset(("meeting-fr", "meeting-az")) in found


def test_blocking_pairs_only_rows_sharing_an_indexed_key_within_the_window():
    # rows 0-1 share key 5; row 2 shares key 5 too but is dated far away; row 3 shares nothing
    indptr = np.array([0, 2, 4, 6, 7])
    feats = np.array([1, 5, 2, 5, 3, 5, 9])
    vals = np.ones(7, dtype=np.float32)
    day = np.array([1000, 1002, 1400, -1])
    cfg = BlockingConfig(window_days=10)
    a, b, s = candidate_pairs(indptr, feats, vals, day, cfg)
    assert sorted(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1)]
    a, b, _ = candidate_pairs(indptr, feats, vals, day, BlockingConfig(window_days=1000))
    assert sorted(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1), (0, 2), (1, 2)]
    # incremental: only pairs that involve the target row
    a, b, _ = candidate_pairs(indptr, feats, vals, day, BlockingConfig(window_days=1000),
                              targets=np.array([2]))
    assert sorted(tuple(sorted(p)) for p in zip(a.tolist(), b.tolist(), strict=True)) == \
        [(0, 2), (1, 2)]


def test_blocking_leaves_out_keys_that_too_many_rows_share():
    n = 50
    indptr = np.arange(n + 1)
    feats = np.zeros(n, dtype=np.int64)          # every row has key 0 only
    vals = np.ones(n, dtype=np.float32)
    a, _, _ = candidate_pairs(indptr, feats, vals, np.full(n, -1),
                              BlockingConfig(max_df=10, max_df_share=1.0))
    assert len(a) == 0


def test_incremental_detection_finds_what_a_full_run_finds():
    engine, keys = build()
    full = proposed(engine.detect())
    names = [n for n in NAMES if n != "meeting-ru"] + ["meeting-ru"]
    engine2, keys2 = build(names[:-1])
    engine2.detect()
    new_id = len(names) - 1
    k = compute_keys(*DOCS["meeting-ru"][1], "ru")
    keys2[new_id] = k
    engine2.index.add(payload_items([(new_id, k)]))
    found = proposed(engine2.detect([new_id]), names)
    expected = {p for p in full if "meeting-ru" in p}
    assert set(found) == expected


def test_detection_can_be_cancelled():
    engine, _ = build()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        engine.detect(cancel=token)


def test_entity_links_join_spellings_that_keys_alone_miss():
    a = compute_keys("", "Un festival de musique s'est ouvert à Choucha.", "fr")
    b = compute_keys("", "Şuşada musiqi festivalı açılıb.", "az")
    assert name_key("Choucha", "fr") != name_key("Şuşada", "az")
    plain = CorpusIndex()
    plain.build(payload_items([(1, a), (2, b)]))
    linked = CorpusIndex(entity_key_map([("Choucha", 7), ("Şuşa", 7), ("Шуша", 7)]))
    linked.build(payload_items([(1, a), (2, b)]))

    def cos(index: CorpusIndex) -> float:
        return float(sparse_dot(index.indptr, index.feats, index.vals,
                                np.array([0]), np.array([1]))[0])
    assert "7" in linked.vocab["e"]
    assert cos(linked) > 2 * cos(plain)


def test_an_alias_key_two_entities_share_maps_to_neither():
    mapping = entity_key_map([("Ali Hasanov", 1), ("Ali Karimov", 2)])
    assert name_key("Ali") not in mapping
    assert mapping[name_key("Hasanov")] == "1"
