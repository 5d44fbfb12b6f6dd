"""Scoring a detection run against labelled groups (precision, recall, F1, R@1).

A pair is a gold positive when both documents carry the same group label. The cross-language
task covers pairs whose languages differ, the same-language task pairs whose languages agree.
R@1: over documents with at least one counterpart in another language, the share whose single
top-scoring other-language document is a counterpart (ties broken at random).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LabelledDoc:
    id: int
    lang: str
    group: str
    domain: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    r1_hits: int = 0
    r1_total: int = 0
    best_f1: float = 0.0
    best_threshold: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def r_at_1(self) -> float | None:
        return self.r1_hits / self.r1_total if self.r1_total else None


@dataclass
class Report:
    tasks: dict[str, Counts] = field(default_factory=dict)
    by_pair: dict[str, Counts] = field(default_factory=dict)
    by_domain: dict[str, Counts] = field(default_factory=dict)

    def lines(self) -> list[str]:
        def row(name: str, c: Counts) -> str:
            r1 = f"{c.r_at_1:.3f}" if c.r_at_1 is not None else "  -  "
            return (f"{name:<24} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                    f"R@1 {r1}  (tp {c.tp}, fp {c.fp}, fn {c.fn})")
        out = ["by task (at the shipped default threshold):"]
        out += ["  " + row(k, c) + f"  best F1 {c.best_f1:.3f} at score {c.best_threshold:.3f}"
                for k, c in self.tasks.items()]
        out.append("cross-language, by language pair:")
        out += ["  " + row(k, c) for k, c in sorted(self.by_pair.items())]
        out.append("by domain (cross-language | same-language):")
        out += ["  " + row(k, c) for k, c in sorted(self.by_domain.items())]
        return out


def _pair_key(a: str, b: str) -> str:
    return "-".join(sorted((a, b)))


def evaluate(docs: Iterable[LabelledDoc], flagged: Iterable[tuple[int, int]],
             scores: Mapping[tuple[int, int], float], seed: int = 1) -> Report:
    """`flagged`: pairs proposed at the shipped threshold; `scores`: every scored pair."""
    docs = {d.id: d for d in docs}
    flagged_set = {(min(a, b), max(a, b)) for a, b in flagged}
    by_group: dict[str, list[LabelledDoc]] = defaultdict(list)
    for d in docs.values():
        by_group[d.group].append(d)
    gold: set[tuple[int, int]] = set()
    for members in by_group.values():
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                gold.add((min(x.id, y.id), max(x.id, y.id)))
    report = Report()

    def task(x: LabelledDoc, y: LabelledDoc) -> str:
        return "cross-language" if x.lang != y.lang else "same-language"

    def buckets(x: LabelledDoc, y: LabelledDoc) -> list[Counts]:
        t = task(x, y)
        out = [report.tasks.setdefault(t, Counts())]
        if t == "cross-language":
            out.append(report.by_pair.setdefault(_pair_key(x.lang, y.lang), Counts()))
        if x.domain == y.domain:
            suffix = "cross" if t == "cross-language" else "same"
            out.append(report.by_domain.setdefault(f"{x.domain} ({suffix})", Counts()))
        return out

    for a, b in flagged_set:
        if a not in docs or b not in docs:
            continue
        for c in buckets(docs[a], docs[b]):
            if (a, b) in gold:
                c.tp += 1
            else:
                c.fp += 1
    for a, b in gold - flagged_set:
        for c in buckets(docs[a], docs[b]):
            c.fn += 1
    _best_f1(docs, gold, scores, report)
    _r_at_1(docs, gold, scores, report, random.Random(seed))
    return report


def _best_f1(docs: dict[int, LabelledDoc], gold: set[tuple[int, int]],
             scores: Mapping[tuple[int, int], float], report: Report) -> None:
    for name in report.tasks:
        cross = name == "cross-language"
        positives = sum(1 for a, b in gold if (docs[a].lang != docs[b].lang) == cross)
        ranked = sorted(((s, (min(a, b), max(a, b)) in gold) for (a, b), s in scores.items()
                         if a in docs and b in docs and (docs[a].lang != docs[b].lang) == cross),
                        reverse=True)
        tp = 0
        c = report.tasks[name]
        for k, (s, hit) in enumerate(ranked, 1):
            tp += hit
            f1 = 2 * tp / (k + positives) if positives else 0.0
            if f1 > c.best_f1:
                c.best_f1, c.best_threshold = f1, s


def _r_at_1(docs: dict[int, LabelledDoc], gold: set[tuple[int, int]],
            scores: Mapping[tuple[int, int], float], report: Report, rng: random.Random) -> None:
    top: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), s in scores.items():
        if a in docs and b in docs and docs[a].lang != docs[b].lang:
            top[a].append((s, b))
            top[b].append((s, a))
    by_group: dict[str, list[LabelledDoc]] = defaultdict(list)
    for d in docs.values():
        by_group[d.group].append(d)

    def pick(options: list[tuple[float, int]]) -> int | None:
        if not options:
            return None
        best = max(s for s, _ in options)
        return rng.choice(sorted(o for s, o in options if s == best))

    for d in sorted(docs.values(), key=lambda x: x.id):
        langs = {o.lang for o in by_group[d.group] if o.lang != d.lang}
        if not langs:
            continue
        options = top.get(d.id, [])
        choice = pick(options)
        hit = choice is not None and (min(d.id, choice), max(d.id, choice)) in gold
        for c in (report.tasks.setdefault("cross-language", Counts()),
                  report.by_domain.setdefault(f"{d.domain} (cross)", Counts())):
            c.r1_total += 1
            c.r1_hits += hit
        # Per language pair: the best document in that one other language.
        for lang in sorted(langs):
            choice = pick([(s, o) for s, o in options if docs[o].lang == lang])
            hit = choice is not None and (min(d.id, choice), max(d.id, choice)) in gold
            c = report.by_pair.setdefault(_pair_key(d.lang, lang), Counts())
            c.r1_total += 1
            c.r1_hits += hit
