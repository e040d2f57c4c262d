"""What Excel and Word files share: document properties, embedded files, and the
bookkeeping (relationships, content types) that cleaning has to keep consistent."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from xml.etree.ElementTree import Element  # noqa: S405 (only the type; parsing is defusedxml)

from foidesk.safety.package import (
    CONTENT_TYPES,
    PKG_RELS,
    Package,
    local,
    namespaces,
    reachable_parts,
    relationships,
    rels_name,
    serialise,
)
from foidesk.safety.report import Collector, FileRefused, Where

CORE = "docProps/core.xml"
APP = "docProps/app.xml"
CUSTOM = "docProps/custom.xml"

#: Properties naming a person or an organisation: errors.
PERSON_FIELDS = {"creator", "lastModifiedBy", "Company", "Manager"}
#: Free-text properties that often hold internal notes or the original file name: warnings.
NOTE_FIELDS = {"title", "subject", "description", "keywords", "category", "HyperlinkBase"}

_PLAIN_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
_PLAIN_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)


def main_part(pkg: Package) -> str:
    for rel in relationships(pkg, ""):
        if rel.type_name == "officeDocument" and not rel.external:
            return rel.part
    raise FileRefused("malformed", "The package has no main document part.")


def check_metadata(pkg: Package, found: Collector) -> None:
    """Document properties go out with the file: the author and last editor are usually
    members of staff (personal data, FOIA s40(2)) and the company and manager fields name
    people and organisations nobody meant to disclose."""
    for part in (CORE, APP):
        root = pkg.xml_or_none(part)
        if root is None:
            continue
        for el in root:
            name, value = local(el.tag), (el.text or "").strip()
            if not value:
                continue
            if name in PERSON_FIELDS:
                found.error(
                    "metadata",
                    Where(part=part, name=name),
                    f"The file's properties record {name} = '{value}'. Properties go out "
                    "with the file; a name here is personal data the recipient can read in "
                    "File > Properties.",
                    can_clean=True,
                )
            elif name in NOTE_FIELDS:
                found.warning(
                    "metadata",
                    Where(part=part, name=name),
                    f"The file's properties record {name} = '{value}'. Check it is meant "
                    "to be released, or clean the file.",
                    can_clean=True,
                )
    custom = pkg.xml_or_none(CUSTOM)
    if custom is not None:
        for prop in custom:
            value = "".join(prop.itertext()).strip()
            found.warning(
                "metadata",
                Where(part=CUSTOM, name=prop.get("name", "")),
                f"The file has a custom property '{prop.get('name', '')}' = '{value}' "
                "(often added by a document management system).",
                can_clean=True,
            )


def check_embedded_files(pkg: Package, folder: str, found: Collector) -> None:
    """An embedded file (another workbook, a document, an email) is released whole, however
    small its icon in the page."""
    for name in pkg.names:
        if name.startswith(folder) and not name.endswith("/"):
            found.error(
                "embedded_file",
                Where(part=name, name=posixpath.basename(name)),
                f"The file embeds another file ({posixpath.basename(name)}). It is released "
                "whole and must be checked, or removed, separately.",
            )


def check_thumbnail(pkg: Package, found: Collector) -> None:
    """A saved thumbnail is a picture of the first page as it was when saved, which may be
    before a redaction was made."""
    for rel in relationships(pkg, ""):
        if rel.type_name == "thumbnail" and not rel.external and pkg.has(rel.part):
            found.warning(
                "thumbnail",
                Where(part=rel.part),
                "The file carries a thumbnail picture of its first page, saved when the file "
                "was; it may show text since removed.",
                can_clean=True,
            )


# --- cleaning ---------------------------------------------------------------------------


class Editor:
    """Changes to a package, written out in one go: replaced XML parts, removed
    relationships, and a sweep of parts nothing refers to any more."""

    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.replaced: dict[str, bytes] = {}
        self.removed: set[str] = set()

    def read(self, name: str) -> bytes:
        return self.replaced.get(name) or self.pkg.read(name)

    def has(self, name: str) -> bool:
        return name not in self.removed and self.pkg.has(name)

    def tree(self, name: str) -> tuple[Element, dict[str, str]]:
        from foidesk.safety.package import parse_xml

        data = self.read(name)
        return parse_xml(data, name), namespaces(data)

    def put(self, name: str, root: Element, nsmap: dict[str, str]) -> None:
        self.replaced[name] = serialise(root, nsmap)

    def drop_relationships(self, part: str, predicate: Callable[[Element], bool]) -> list[str]:
        """Remove the relationships of ``part`` matching ``predicate(rel_element)``; return
        their ids."""
        name = rels_name(part)
        if not self.has(name):
            return []
        root, nsmap = self.tree(name)
        gone = []
        for rel in list(root):
            if predicate(rel):
                gone.append(rel.get("Id", ""))
                root.remove(rel)
        if gone:
            self.put(name, root, nsmap)
        return gone

    def finish(self) -> bytes:
        """Sweep unreachable parts, fix the content types, and write the archive."""
        from foidesk.safety.package import rewrite

        snapshot = Package(self.pkg.archive, self.pkg.limits)
        snapshot._cache.update({n: self.read(n) for n in self.pkg.names if n in self.replaced})
        reachable = reachable_parts(snapshot)
        for name in self.pkg.names:
            if name.endswith(".rels") or name == "[Content_Types].xml" or name.endswith("/"):
                continue
            if name not in reachable:
                self.removed.add(name)
        for name in list(self.pkg.names):
            if name.endswith(".rels") and name != "_rels/.rels":
                folder, base = posixpath.split(name)
                owner = posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])
                if owner in self.removed:
                    self.removed.add(name)
        types, nsmap = self.tree("[Content_Types].xml")
        for el in list(types):
            if local(el.tag) == "Override":
                part = el.get("PartName", "").lstrip("/")
                if part in self.removed:
                    types.remove(el)
        self.put("[Content_Types].xml", types, nsmap)
        return rewrite(
            self.pkg,
            replace={k: v for k, v in self.replaced.items() if k not in self.removed},
            remove=self.removed,
        )


def strip_metadata(editor: Editor) -> None:
    """Empty the core and extended properties and drop custom ones."""
    if editor.has(CORE):
        editor.replaced[CORE] = _PLAIN_CORE
    if editor.has(APP):
        editor.replaced[APP] = _PLAIN_APP
    editor.drop_relationships(
        "",
        lambda rel: rel.get("Type", "").endswith(("/custom-properties", "/thumbnail")),
    )


__all__ = ["CONTENT_TYPES", "PKG_RELS", "Editor", "check_embedded_files", "check_metadata"]
