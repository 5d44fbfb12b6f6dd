"""Language of a release (ISO 639-1 code and confidence).

py3langid, restricted to the languages the app expects, reads the first FIRST_SAMPLE
characters of title and body, and the first SECOND_SAMPLE only when it is unsure: 100% right
on the development set of whole documents at about 0.3 ms CPU per 3 kB release (its cost
grows with the text it reads). lingua was measured too (bench/langid_eval.py): 4-15 times
slower and no more accurate there, even on short snippets, so it is not used. A few
spelling rules settle the pairs the model mixes up on short texts.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "ro", "hu", "sv",
    "ru", "uk", "be", "bg", "sr", "kk", "ka", "hy", "az", "tr", "ar", "fa", "zh", "ja", "ko",
)
FIRST_SAMPLE = 200
SECOND_SAMPLE = 1000
SURE = 0.99
MIN_LETTERS = 3


class LanguageDetector:
    """Thread-safe, lazily loaded detector over a configured set of languages."""

    def __init__(self, languages: Sequence[str] = DEFAULT_LANGUAGES,
                 first_sample: int = FIRST_SAMPLE, second_sample: int = SECOND_SAMPLE) -> None:
        self.languages = tuple(languages)
        self.first_sample = first_sample
        self.second_sample = second_sample
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                known = set(model.labels)
                model.set_languages([c for c in self.languages if c in known])
                self._model = model
        return self._model

    def detect(self, text: str) -> tuple[str | None, float]:
        """(code, confidence in 0..1), or (None, 0.0) for text without letters."""
        sample = text[:self.first_sample]
        if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
            return None, 0.0
        model = self._model or self._load()
        lang, conf = model.classify(sample)
        if conf < SURE and len(text) > len(sample):
            sample = text[:self.second_sample]
            lang, conf = model.classify(sample)
        return spelling_fix(lang, sample), round(float(conf), 4)


def spelling_fix(lang: str, text: str) -> str:
    """Letters one language of a confusable pair writes and the other never does."""
    if lang == "tr" and text.count("ə") + text.count("Ə") >= 2:
        return "az"  # Azerbaijani schwa; Turkish has none
    if lang in ("bg", "uk") and _has(text, "ыэЫЭёЁ") and not _has(text, "іїєґІЇЄҐ"):
        return "ru"  # ы and э are Russian, not Bulgarian or Ukrainian
    if lang == "ru" and _has(text, "їєґЇЄҐ") and not _has(text, "ыэЫЭ"):
        return "uk"
    return lang


def _has(text: str, letters: str) -> bool:
    return any(ch in text for ch in letters)


_default: LanguageDetector | None = None


def default_detector() -> LanguageDetector:
    global _default
    if _default is None:
        _default = LanguageDetector()
    return _default


def warm_up() -> None:
    """Load the model now (1-3 s) so the first imported file does not wait for it."""
    default_detector()._load()


def detect_language(text: str) -> tuple[str | None, float]:
    return default_detector().detect(text)
