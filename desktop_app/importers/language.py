"""Language of a release (ISO 639-1 code and confidence).

py3langid, restricted to the languages the app expects and fed the first SAMPLE_CHARS
characters, is 100% right on the development set at about 0.5 ms per release; lingua is
asked only when py3langid is unsure (short texts), so the import stays fast.
`bench/langid_eval.py` measures both and this design.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "ro", "hu", "sv",
    "ru", "uk", "be", "bg", "sr", "kk", "ka", "hy", "az", "tr", "ar", "fa", "zh", "ja", "ko",
)
SAMPLE_CHARS = 1500
FALLBACK_BELOW = 0.9   # py3langid confidence under which lingua decides
MIN_LETTERS = 3


class LanguageDetector:
    """Thread-safe, lazily loaded detector over a configured set of languages."""

    def __init__(self, languages: Sequence[str] = DEFAULT_LANGUAGES,
                 sample_chars: int = SAMPLE_CHARS, fallback_below: float = FALLBACK_BELOW,
                 use_fallback: bool = True) -> None:
        self.languages = tuple(languages)
        self.sample_chars = sample_chars
        self.fallback_below = fallback_below
        self.use_fallback = use_fallback
        self._fast = None
        self._slow = None
        self._slow_missing = False
        self._lock = threading.Lock()
        self.fallbacks = 0

    def _fast_model(self):
        if self._fast is None:
            with self._lock:
                if self._fast is None:
                    from py3langid.langid import MODEL_FILE, LanguageIdentifier

                    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                    known = set(model.labels)
                    model.set_languages([c for c in self.languages if c in known])
                    self._fast = model
        return self._fast

    def _slow_model(self):
        if self._slow is None and not self._slow_missing:
            with self._lock:
                if self._slow is None and not self._slow_missing:
                    try:
                        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
                    except ImportError:
                        self._slow_missing = True
                        return None
                    langs = []
                    for code in self.languages:
                        iso = getattr(IsoCode639_1, code.upper(), None)
                        if iso is not None:
                            langs.append(Language.from_iso_code_639_1(iso))
                    self._slow = LanguageDetectorBuilder.from_languages(*langs).build()
        return self._slow

    def detect(self, text: str) -> tuple[str | None, float]:
        sample = text[:self.sample_chars]
        if sum(1 for ch in sample[:200] if ch.isalpha()) < MIN_LETTERS:
            return None, 0.0
        lang, conf = self._fast_model().classify(sample)
        if conf < self.fallback_below and self.use_fallback:
            slow = self._slow_model()
            if slow is not None:
                self.fallbacks += 1
                values = slow.compute_language_confidence_values(sample)
                if values:
                    best = values[0]
                    lang, conf = best.language.iso_code_639_1.name.lower(), best.value
        return _turkic_fix(lang, sample), round(float(conf), 4)


def _turkic_fix(lang: str, text: str) -> str:
    """Azerbaijani writes ə, Turkish never does: settle the pair the models mix up."""
    if lang == "tr" and text.count("ə") + text.count("Ə") >= 2:
        return "az"
    return lang


_default: LanguageDetector | None = None


def default_detector() -> LanguageDetector:
    global _default
    if _default is None:
        _default = LanguageDetector()
    return _default


def detect_language(text: str) -> tuple[str | None, float]:
    return default_detector().detect(text)
