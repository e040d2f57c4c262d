"""Reading zip packages (OOXML and OpenDocument) safely, and writing them back.

Every XML part is parsed with defusedxml, which refuses DTDs, entity expansion and external
references (the "billion laughs" and XXE attacks). Archives are checked for zip bombs from the
sizes their members declare before anything is decompressed, and every read is capped again
in case a member lies about its size.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import Element  # noqa: S405 (only the type; parsing is defusedxml)
from xml.sax.saxutils import escape, quoteattr  # noqa: S406 (escaping only)

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from foidesk.safety.report import FileRefused, Limits

PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open an archive after checking what its members declare: how many there are, how big
    each says it is, the total, and the compression ratio. Encrypted members are refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise FileRefused("malformed", f"The file is a damaged zip archive ({exc}).") from exc
    if len(infos) > limits.max_zip_entries:
        raise FileRefused(
            "zip_bomb",
            f"The archive holds {len(infos)} files, more than the {limits.max_zip_entries} "
            "allowed; this is how zip bombs exhaust a server.",
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise FileRefused(
                "encrypted", f"'{info.filename}' inside the archive is password-protected."
            )
        if info.file_size > limits.max_entry_bytes:
            raise FileRefused(
                "zip_bomb",
                f"'{info.filename}' would unpack to {info.file_size:,} bytes, more than the "
                f"{limits.max_entry_bytes:,} allowed.",
            )
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise FileRefused(
                    "zip_bomb",
                    f"'{info.filename}' is compressed {ratio:,.0f} times (more than "
                    f"{limits.max_ratio:,.0f}); a file this compressible is a zip bomb.",
                )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise FileRefused(
            "zip_bomb",
            f"The archive would unpack to {total:,} bytes, more than the "
            f"{limits.max_total_bytes:,} allowed.",
        )
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise FileRefused(
            "malformed", "The archive lists the same file twice, which hides one copy."
        )
    return archive


@dataclass
class Package:
    """An opened, bomb-checked package: member names and capped reads."""

    archive: zipfile.ZipFile
    limits: Limits
    _cache: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def open(cls, data: bytes, limits: Limits) -> Package:
        return cls(open_zip(data, limits), limits)

    @property
    def names(self) -> list[str]:
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        return name in self._names_set()

    def _names_set(self) -> set[str]:
        return set(self.archive.namelist())

    def read(self, name: str) -> bytes:
        """Read one member, never more than the entry limit whatever it declares."""
        if name in self._cache:
            return self._cache[name]
        cap = self.limits.max_entry_bytes
        try:
            with self.archive.open(name) as handle:
                data = handle.read(cap + 1)
        except KeyError:
            raise
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as exc:
            raise FileRefused("malformed", f"'{name}' cannot be unpacked ({exc}).") from exc
        if len(data) > cap:
            raise FileRefused("zip_bomb", f"'{name}' unpacks to more than it declared.")
        self._cache[name] = data
        return data

    def xml(self, name: str) -> Element:
        return parse_xml(self.read(name), name)

    def xml_or_none(self, name: str) -> Element | None:
        return self.xml(name) if self.has(name) else None


def parse_xml(data: bytes, name: str = "XML") -> Element:
    """Parse XML from an untrusted file with defusedxml."""
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise FileRefused(
            "hostile_xml",
            f"'{name}' uses XML entities or external references, which are used to attack "
            "servers; no office program writes them.",
        ) from exc
    except SafeET.ParseError as exc:
        raise FileRefused("malformed", f"'{name}' is not well-formed XML ({exc}).") from exc


def namespaces(data: bytes) -> dict[str, str]:
    """Every prefix declared anywhere in the document, as written (prefix -> URI)."""
    found: dict[str, str] = {}
    for _event, (prefix, uri) in SafeET.iterparse(io.BytesIO(data), events=("start-ns",)):
        found.setdefault(prefix, uri)
    return found


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


#: A value with a letter in it: a word, a name, an address (not a size or a position).
_WORDY = re.compile(r"[^\W\d_]")
#: Attribute values that are codes, not words: hexadecimal numbers and identifiers (colours,
#: revision ids, GUIDs) and cell references ("B12", "$A$1:$C$40").
_CODE = re.compile(
    r"(?=[^\d]*\d)[0-9A-Fa-f{}-]+|(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?[ ]?)+"
)
#: Excel's header and footer codes ("&C" centre, "&P" page, "&\"Arial,Bold\"", "&12"),
#: written against the words they format.
_HEADER_CODES = re.compile(r'&(?:"[^"]*"|\d+|[^\d"])')
_HEADERS = {f"{side}{part}" for side in ("odd", "even", "first") for part in ("Header", "Footer")}


def every_text(pkg: Package) -> list[str]:
    """Everything written in the package, read or not by the checks of its kind: each
    member's name, and every text and every attribute value with a letter in it of each XML
    part (document properties, custom properties and custom XML, sheet names, headers and
    footers, authors of comments and changes, link targets, pictures' descriptions)."""
    out: list[str] = []
    for name in pkg.names:
        out.append(name)
        if not name.lower().endswith((".xml", ".rels")):
            continue
        root = pkg.xml(name)
        for el in root.iter():
            texts = [t for t in (el.text, el.tail) if t and t.strip()]
            if local(el.tag) in _HEADERS:
                texts = [_HEADER_CODES.sub(" ", t) for t in texts]
            out += texts
            # A link's address is often percent-encoded ("mailto:jo%40example.org").
            out += [
                unquote(value)
                for value in el.attrib.values()
                if _WORDY.search(value) and not _CODE.fullmatch(value)
            ]
    return out


# --- relationships ------------------------------------------------------------------------


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str
    external: bool
    source: str  # the part the relationship belongs to ("" for the package)

    @property
    def type_name(self) -> str:
        """The last word of the type URI: ``worksheet``, ``comments``, ``externalLink``..."""
        return self.type.rsplit("/", 1)[-1]

    @property
    def part(self) -> str:
        """The target resolved to a package path (for internal targets)."""
        if self.target.startswith("/"):
            return self.target.lstrip("/")
        base = posixpath.dirname(self.source)
        return posixpath.normpath(posixpath.join(base, self.target))


def rels_name(part: str) -> str:
    """``xl/workbook.xml`` -> ``xl/_rels/workbook.xml.rels``; the package's is ``_rels/.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def relationships(pkg: Package, part: str) -> list[Relationship]:
    """The relationships of ``part`` ("" for the package root)."""
    name = rels_name(part)
    if not pkg.has(name):
        return []
    return [
        Relationship(
            id=rel.get("Id", ""),
            type=rel.get("Type", ""),
            target=rel.get("Target", ""),
            external=rel.get("TargetMode") == "External",
            source=part,
        )
        for rel in pkg.xml(name)
        if local(rel.tag) == "Relationship"
    ]


def reachable_parts(pkg: Package) -> set[str]:
    """Every part reachable by relationships from the package root."""
    seen: set[str] = set()
    todo = [""]
    while todo:
        part = todo.pop()
        for rel in relationships(pkg, part):
            if rel.external:
                continue
            target = rel.part
            if target not in seen and pkg.has(target):
                seen.add(target)
                todo.append(target)
    return seen


# --- writing --------------------------------------------------------------------------------


def serialise(root: Element, nsmap: dict[str, str]) -> bytes:
    """Write an element tree back keeping the document's own prefixes, all declared on the
    root. ElementTree's own writer renames prefixes and drops unused declarations, which
    breaks ``mc:Ignorable`` and makes Office call the file corrupt."""
    prefixes = {uri: prefix for prefix, uri in reversed(list(nsmap.items()))}
    declared = {p: u for p, u in nsmap.items() if p != "xml"}
    prefixes[XML_NS] = "xml"

    def qname(tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        uri, name = tag[1:].split("}", 1)
        prefix = prefixes.get(uri)
        if prefix is None:
            prefix = f"ns{len(prefixes)}"
            prefixes[uri] = prefix
            declared[prefix] = uri
        return f"{prefix}:{name}" if prefix else name

    out: list[str] = []

    def write(elem: Element, is_root: bool) -> None:
        tag = qname(elem.tag)
        attrs = [f" {qname(k)}={quoteattr(v)}" for k, v in elem.attrib.items()]
        marker = len(out)
        out.append("")  # the start tag, filled once the namespaces are known
        if elem.text:
            out.append(escape(elem.text))
        for child in elem:
            write(child, False)
        start = f"<{tag}"
        if is_root:
            for prefix, uri in declared.items():
                attr = f"xmlns:{prefix}" if prefix else "xmlns"
                start += f" {attr}={quoteattr(uri)}"
        start += "".join(attrs)
        if len(out) == marker + 1:
            out[marker] = start + "/>"
        else:
            out[marker] = start + ">"
            out.append(f"</{tag}>")
        if elem.tail and not is_root:
            out.append(escape(elem.tail))

    write(root, True)
    body = "".join(out)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode("utf-8")


def rewrite(
    pkg: Package,
    *,
    replace: dict[str, bytes],
    remove: Iterable[str] = (),
) -> bytes:
    """A new archive: the same members in the same order, with some replaced or removed.
    The OpenDocument ``mimetype`` member stays first and uncompressed, as the format needs."""
    removed = set(remove)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in pkg.archive.infolist():
            if info.filename in removed:
                continue
            data = replace.get(info.filename)
            if data is None:
                data = pkg.read(info.filename)
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(info.filename, data, compress_type=method)
    return buffer.getvalue()
