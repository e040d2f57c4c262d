"""Checking and cleaning Word documents (DOCX), read straight from the package XML.

Word keeps far more than the page shows: deleted text under tracked changes, comments, hidden
(``vanish``) text, the author's name, embedded files. Each goes out with the document and the
recipient can read it, so an officer who redacted the visible text may still release what
FOIA s40(2) or another exemption withholds (``shared/law/UK-FOI-RULES.md`` D6: a release is to
the world). Each check is a function ``check_<what>(doc, found)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element  # noqa: S405 (only the type; parsing is defusedxml)

from foidesk.safety import ooxml
from foidesk.safety.package import Package, local, relationships
from foidesk.safety.report import Collector, Where

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STORY_TYPES = {"officeDocument", "header", "footer", "footnotes", "endnotes"}
COMMENT_TYPES = {"comments", "commentsExtended", "commentsIds", "commentsExtensible", "people"}
CHANGE_TAGS = {"ins": "inserted", "del": "deleted", "moveFrom": "moved", "moveTo": "moved"}
_OFF = {"0", "false", "off"}


@dataclass
class Doc:
    pkg: Package
    main: str
    stories: list[str]  # the main document first, then headers, footers, notes
    hidden_styles: set[str]

    def tree(self, part: str) -> Element:
        return self.pkg.xml(part)


def read_doc(pkg: Package) -> Doc:
    main = ooxml.main_part(pkg)
    stories = [main] + [
        rel.part
        for rel in relationships(pkg, main)
        if rel.type_name in STORY_TYPES and not rel.external and pkg.has(rel.part)
    ]
    return Doc(pkg, main, stories, _hidden_styles(pkg, main))


def _hidden_styles(pkg: Package, main: str) -> set[str]:
    """Character styles that hide their text."""
    hidden: set[str] = set()
    for rel in relationships(pkg, main):
        if rel.type_name == "styles" and pkg.has(rel.part):
            for style in pkg.xml(rel.part).iter(f"{W}style"):
                for vanish in style.iter(f"{W}vanish"):
                    if vanish.get(f"{W}val", "1") not in _OFF:
                        hidden.add(style.get(f"{W}styleId", ""))
    return hidden


def paragraphs(doc: Doc, part: str) -> Iterator[tuple[Where, Element]]:
    for n, p in enumerate(doc.tree(part).iter(f"{W}p"), start=1):
        yield _where(doc, part, n), p


def _where(doc: Doc, part: str, n: int) -> Where:
    return Where(paragraph=n) if part == doc.main else Where(part=part, paragraph=n)


def _run_hidden(run: Element, hidden_styles: set[str]) -> bool:
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    for el in props:
        if el.tag in {f"{W}vanish", f"{W}specVanish"} and el.get(f"{W}val", "1") not in _OFF:
            return True
        if el.tag == f"{W}rStyle" and el.get(f"{W}val") in hidden_styles:
            return True
    return False


def _text(el: Element) -> str:
    return "".join(t.text or "" for t in el.iter() if t.tag in {f"{W}t", f"{W}delText"})


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- checks -------------------------------------------------------------------------------


def check_tracked_changes(doc: Doc, found: Collector) -> None:
    """Deleted text under tracked changes stays in the file and shows again when the
    recipient turns on All Markup. Accept or reject every change before release."""
    for part in doc.stories:
        for where, p in paragraphs(doc, part):
            kinds = sorted({CHANGE_TAGS[local(el.tag)] for el in p.iter() if _is_change(el)})
            if not kinds:
                continue
            deleted = "".join(t.text or "" for t in p.iter(f"{W}delText"))
            what = f" (deleted text: '{_short(deleted)}')" if deleted.strip() else ""
            found.error(
                "tracked_change",
                where,
                f"This paragraph has tracked changes ({', '.join(kinds)}){what}. The recipient "
                "can show every change, deleted text included. In Word: Review > Accept > "
                "Accept All Changes (foidesk cannot do this for you), then attach it again.",
            )


def _is_change(el: Element) -> bool:
    return el.tag.startswith(W) and local(el.tag) in CHANGE_TAGS


def comments(doc: Doc) -> Iterator[tuple[Where, str, str]]:
    """(where the comment is anchored, author, text) for every comment."""
    anchors: dict[str, Where] = {}
    for part in doc.stories:
        for where, p in paragraphs(doc, part):
            for el in p.iter():
                if el.tag in {f"{W}commentReference", f"{W}commentRangeStart"}:
                    anchors.setdefault(el.get(f"{W}id", ""), where)
    for rel in relationships(doc.pkg, doc.main):
        if rel.type_name == "comments" and doc.pkg.has(rel.part):
            for comment in doc.pkg.xml(rel.part).iter(f"{W}comment"):
                cid = comment.get(f"{W}id", "")
                where = anchors.get(cid, Where(part=rel.part, name=f"comment {cid}"))
                yield where, comment.get(f"{W}author", ""), _text(comment)


def check_comments(doc: Doc, found: Collector) -> None:
    """Comments go out with the document; they are often the drafting discussion itself."""
    for where, author, text in comments(doc):
        by = f" by {author}" if author else ""
        found.error(
            "comment",
            where,
            f"A comment{by} is attached here ('{_short(text)}'). Comments go out with the "
            "document and the recipient can read them.",
            can_clean=True,
        )


def check_hidden_text(doc: Doc, found: Collector) -> None:
    """Text formatted as hidden is not shown or printed, but it is in the file and shows
    again with one setting (Show hidden text)."""
    for part in doc.stories:
        for where, p in paragraphs(doc, part):
            hidden = "".join(_text(r) for r in p.iter(f"{W}r") if _run_hidden(r, doc.hidden_styles))
            if hidden.strip():
                found.error(
                    "hidden_text",
                    where,
                    f"This paragraph has hidden text ('{_short(hidden)}'). It is not shown or "
                    "printed, but it is in the file and the recipient can show it.",
                    can_clean=True,
                )


def check_custom_xml(doc: Doc, found: Collector) -> None:
    """Custom XML parts are added by document management systems (SharePoint and others)
    and can hold names, case references and workflow notes nobody sees in Word."""
    for name in doc.pkg.names:
        if name.startswith("customXml/item") and "Props" not in name and name.endswith(".xml"):
            root = doc.pkg.xml(name)
            text = " ".join(t.strip() for t in root.itertext() if t.strip())
            if text:
                found.warning(
                    "custom_xml",
                    Where(part=name),
                    f"The document carries custom XML data ('{_short(text)}'), usually from "
                    "a document management system. It is not shown in Word but goes out with "
                    "the file.",
                    can_clean=True,
                )


CHECKS = (check_tracked_changes, check_comments, check_hidden_text, check_custom_xml)


def scan(pkg: Package, found: Collector) -> list[tuple[Where, str]]:
    doc = read_doc(pkg)
    for check in CHECKS:
        check(doc, found)
    ooxml.check_metadata(pkg, found)
    ooxml.check_thumbnail(pkg, found)
    ooxml.check_embedded_files(pkg, "word/embeddings/", found)
    units = [(where, _text(p)) for part in doc.stories for where, p in paragraphs(doc, part)]
    units += [(where, text) for where, _author, text in comments(doc)]
    return units


# --- cleaning -----------------------------------------------------------------------------


def clean(pkg: Package) -> bytes:
    """Remove comments, hidden text, custom XML and document properties. Tracked changes are
    left alone: accepting them correctly needs Word."""
    doc = read_doc(pkg)
    editor = ooxml.Editor(pkg)
    for part in doc.stories:
        root, nsmap = editor.tree(part)
        _strip_story(root, doc.hidden_styles)
        editor.put(part, root, nsmap)
    editor.drop_relationships(
        doc.main, lambda rel: rel.get("Type", "").rsplit("/", 1)[-1] in COMMENT_TYPES
    )
    for part in ("", doc.main):
        editor.drop_relationships(part, lambda rel: rel.get("Type", "").endswith("/customXml"))
    ooxml.strip_metadata(editor)
    return editor.finish()


def _strip_story(root: Element, hidden_styles: set[str]) -> None:
    anchors = {f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"}
    for parent in list(root.iter()):
        for child in list(parent):
            is_run = child.tag == f"{W}r"
            if child.tag in anchors or (
                is_run and (_run_hidden(child, hidden_styles) or _only_props(child))
            ):
                parent.remove(child)


def _only_props(run: Element) -> bool:
    """A run left with nothing but its properties (its comment reference removed)."""
    return len(run) > 0 and all(ch.tag == f"{W}rPr" for ch in run)
