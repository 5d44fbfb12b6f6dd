"""Plain text of an HTML page with the standard library's html.parser.

Scripts, styles, navigation and other page furniture are dropped; block elements become
paragraphs. The parser is a flat tokenizer, so deep nesting costs no recursion and broken
markup (unclosed tags, stray end tags) only loses the broken part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "iframe",
                   "footer", "aside", "form", "button", "select", "object", "canvas", "math"})
_BLOCK = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                    "tr", "table", "section", "article", "blockquote", "pre", "header", "main",
                    "dd", "dt", "dl", "figure", "figcaption", "hr", "address", "td",
                    "th", "center"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
MAX_SKIP_DEPTH = 10000


@dataclass
class HtmlDocument:
    text: str
    title: str = ""
    heading: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    lang: str = ""
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []        # open elements whose content is dropped
        self.in_title = False
        self.in_h1 = False
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "time" and values.get("datetime") and not self.skip:
            self.meta.setdefault("time", values["datetime"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.canonical = values.get("href", "")
        elif tag == "title" and not self.skip:
            self.in_title = True
        if tag in _VOID:
            if tag == "br" and not self.skip:
                self.parts.append("\n")
            elif tag == "hr":
                self._break()
            return
        if tag in _SKIP:
            if len(self.skip) < MAX_SKIP_DEPTH:
                self.skip.append(tag)
            return
        if tag == "h1" and not self.skip:
            self.in_h1 = True
        if tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        # Line ends in the markup are layout of the source, not of the text; <br> is.
        self.parts.append(data.replace("\r", " ").replace("\n", " "))

    def _break(self) -> None:
        if self.parts and self.parts[-1] != "\n\n":
            self.parts.append("\n\n")


def _one_line(parts: list[str]) -> str:
    return _SPACES.sub(" ", " ".join("".join(parts).split())).strip()


def extract(html: str) -> HtmlDocument:
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError, IndexError):
        pass  # keep what was read before the markup broke down
    paragraphs = []
    for block in "".join(parser.parts).split("\n\n"):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    meta = parser.meta
    title = _one_line(parser.title)
    heading = _one_line(parser.h1)
    return HtmlDocument(
        text="\n\n".join(paragraphs),
        title=title,
        heading=heading or meta.get("og:title", "") or title,
        date=(meta.get("article:published_time") or meta.get("date") or meta.get("dc.date")
              or meta.get("pubdate") or meta.get("time") or ""),
        url=meta.get("og:url", "") or parser.canonical,
        source=meta.get("og:site_name", ""),
        lang=parser.lang.split("-")[0].lower()[:3] if parser.lang else "",
        meta=meta,
    )
