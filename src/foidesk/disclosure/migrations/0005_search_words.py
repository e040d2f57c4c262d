"""The search index splits words at punctuation on PostgreSQL as it always has on SQLite.

PostgreSQL's text search parser keeps some punctuation inside a token: it reads "2023/24" as
one token (a file path), "West-Midlands" as the compound and its parts, "3.5" as a number,
"jo@example.org" as an address and "190A-23" as "190a" and "-23". SQLite's FTS5 tokenizer
(``unicode61``) splits at every character that is not a letter or a digit. So a search for
"2023" missed an entry that only said "2023/24" on PostgreSQL but found it on SQLite, and
"West-Midlands" found "West Midlands" only on SQLite.

PostgreSQL: the function ``disclosure_search_text`` turns every punctuation mark, symbol,
space and control character (Unicode general categories P, S, Z, Cc and Cf, in the Basic
Multilingual Plane, as of Unicode 15.1) into a space, and the generated ``tsvector`` is made
from the title, the reference, the request and the response passed through it. The entry's
address is no longer added beside the reference: split at its punctuation, "190A/23" and
"190A-23" are the same two words. The search box's terms are split the same way in Python
(``search.query_terms``). SQLite: nothing changes; its tokenizer already splits so.

Stop words: PostgreSQL's ``english`` configuration dropped the common short words ("the",
"a", "not") from the index and from the query, while FTS5 indexed and searched for them, so
"police NOT dogs", "dogs -the" and the phrase "the police" found different entries. The index
now keeps every word on both: the configuration ``disclosure_english`` is ``english`` with its
Snowball stemmer replaced by ``disclosure_english_stem``, the same stemmer without a stop word
list. Which words the search box leaves out is decided in Python (``search.STOP_WORDS``), the
same for both databases, and a phrase keeps its short words.

Accents: FTS5 (``remove_diacritics 2``) indexed "café" as "cafe", PostgreSQL kept the accent,
so "cafe" found "café" only on SQLite. ``disclosure_search_text`` now also takes the accents
off the Latin letters whose accents FTS5 takes off (``ACCENTS``: those that decompose into an
ASCII letter and combining marks, and that FTS5 folds to that letter), with ``translate``,
each block of letters only when the text has one (``translate`` looks every character up in
its list, so it is done only where needed). PostgreSQL's ``unaccent`` extension is not used:
Debian's ``postgresql`` package has it, but a managed server may not let it be created, and it
takes off more than FTS5 does ("ß" to "ss", "ø" to "o"), which would make the databases differ
again. The search box's terms lose the same accents in Python (``search.ACCENTS``).

The SQL is written out here, not imported, so this migration stays as it was when it ran.
"""

# The SQL is built from this module's constants only.
# ruff: noqa: S608
from django.db import migrations

#: Every character of Unicode general category P, S, Z, Cc or Cf up to U+FFFF, as ranges
#: for a regular expression (PostgreSQL reads ``\uXXXX`` in a bracket expression). Written
#: out, not worked out from the running Python's Unicode tables, so the index does not change
#: with the Python version.
SEPARATORS = (
    r"\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8"
    r"\u00bb\u00bf\u00d7\u00f7\u02c2-\u02c5\u02d2-\u02df\u02e5-\u02eb\u02ed\u02ef-\u02ff"
    r"\u0375\u037e\u0384-\u0385\u0387\u03f6\u0482\u055a-\u055f\u0589-\u058a\u058d-\u058f"
    r"\u05be\u05c0\u05c3\u05c6\u05f3-\u05f4\u0600-\u060f\u061b-\u061f\u066a-\u066d\u06d4"
    r"\u06dd-\u06de\u06e9\u06fd-\u06fe\u0700-\u070d\u070f\u07f6-\u07f9\u07fe-\u07ff"
    r"\u0830-\u083e\u085e\u0888\u0890-\u0891\u08e2\u0964-\u0965\u0970\u09f2-\u09f3"
    r"\u09fa-\u09fb\u09fd\u0a76\u0af0-\u0af1\u0b70\u0bf3-\u0bfa\u0c77\u0c7f\u0c84\u0d4f"
    r"\u0d79\u0df4\u0e3f\u0e4f\u0e5a-\u0e5b\u0f01-\u0f17\u0f1a-\u0f1f\u0f34\u0f36\u0f38"
    r"\u0f3a-\u0f3d\u0f85\u0fbe-\u0fc5\u0fc7-\u0fcc\u0fce-\u0fda\u104a-\u104f\u109e-\u109f"
    r"\u10fb\u1360-\u1368\u1390-\u1399\u1400\u166d-\u166e\u1680\u169b-\u169c\u16eb-\u16ed"
    r"\u1735-\u1736\u17d4-\u17d6\u17d8-\u17db\u1800-\u180a\u180e\u1940\u1944-\u1945"
    r"\u19de-\u19ff\u1a1e-\u1a1f\u1aa0-\u1aa6\u1aa8-\u1aad\u1b5a-\u1b6a\u1b74-\u1b7e"
    r"\u1bfc-\u1bff\u1c3b-\u1c3f\u1c7e-\u1c7f\u1cc0-\u1cc7\u1cd3\u1fbd\u1fbf-\u1fc1"
    r"\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed-\u1fef\u1ffd-\u1ffe\u2000-\u2064\u2066-\u206f"
    r"\u207a-\u207e\u208a-\u208e\u20a0-\u20c0\u2100-\u2101\u2103-\u2106\u2108-\u2109\u2114"
    r"\u2116-\u2118\u211e-\u2123\u2125\u2127\u2129\u212e\u213a-\u213b\u2140-\u2144"
    r"\u214a-\u214d\u214f\u218a-\u218b\u2190-\u2426\u2440-\u244a\u249c-\u24e9\u2500-\u2775"
    r"\u2794-\u2b73\u2b76-\u2b95\u2b97-\u2bff\u2ce5-\u2cea\u2cf9-\u2cfc\u2cfe-\u2cff\u2d70"
    r"\u2e00-\u2e2e\u2e30-\u2e5d\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u3004"
    r"\u3008-\u3020\u3030\u3036-\u3037\u303d-\u303f\u309b-\u309c\u30a0\u30fb\u3190-\u3191"
    r"\u3196-\u319f\u31c0-\u31e3\u31ef\u3200-\u321e\u322a-\u3247\u3250\u3260-\u327f"
    r"\u328a-\u32b0\u32c0-\u33ff\u4dc0-\u4dff\ua490-\ua4c6\ua4fe-\ua4ff\ua60d-\ua60f\ua673"
    r"\ua67e\ua6f2-\ua6f7\ua700-\ua716\ua720-\ua721\ua789-\ua78a\ua828-\ua82b\ua836-\ua839"
    r"\ua874-\ua877\ua8ce-\ua8cf\ua8f8-\ua8fa\ua8fc\ua92e-\ua92f\ua95f\ua9c1-\ua9cd"
    r"\ua9de-\ua9df\uaa5c-\uaa5f\uaa77-\uaa79\uaade-\uaadf\uaaf0-\uaaf1\uab5b\uab6a-\uab6b"
    r"\uabeb\ufb29\ufbb2-\ufbc2\ufd3e-\ufd4f\ufdcf\ufdfc-\ufdff\ufe10-\ufe19\ufe30-\ufe52"
    r"\ufe54-\ufe66\ufe68-\ufe6b\ufeff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    r"\uffe0-\uffe6\uffe8-\uffee\ufff9-\ufffd"
)

TEXT_SEARCH = [
    "CREATE TEXT SEARCH DICTIONARY disclosure_english_stem "
    "(TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION disclosure_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION disclosure_english "
    "ALTER MAPPING REPLACE english_stem WITH disclosure_english_stem",
]
#: Letters and the ASCII letters they are indexed as, by block: the block's range (for a
#: regular expression), the letters, the letters without their accents.
ACCENTS = (
    # U+00C0 to U+00FF
    (
        "\\u00c0-\\u00ff",
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ",
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy",
    ),
    # U+0100 to U+024F
    (
        "\\u0100-\\u024f",
        "ĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠ"
        "šŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎ"
        "ȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ",
        "AaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsS"
        "sTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoO"
        "oRrRrUuUuSsTtHhAaEeOoOoOoOoYy",
    ),
    # U+1E00 to U+1EFF
    (
        "\\u1e00-\\u1eff",
        "ḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏ"
        "ṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấ"
        "ẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵ"
        "ỶỷỸỹ",
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOo"
        "OoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAa"
        "AaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYy"
        "YyYy",
    ),
)


def _unaccented(block: tuple[str, str, str]) -> str:
    span, accented, plain = block
    return (
        f"IF value ~ '[{span}]' THEN value := translate(value, '{accented}', '{plain}'); END IF; "
    )


FUNCTION = (
    "CREATE FUNCTION disclosure_search_text(value text) RETURNS text "
    "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$BEGIN "
    + "".join(_unaccented(block) for block in ACCENTS)
    + f"RETURN regexp_replace(value, '[{''.join(SEPARATORS)}]+', ' ', 'g'); END$$"
)


def _postgresql(document: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS disclosure_publication_search",
        "ALTER TABLE disclosure_publication DROP COLUMN IF EXISTS search_document",
        "ALTER TABLE disclosure_publication ADD COLUMN search_document tsvector "
        f"GENERATED ALWAYS AS ({document}) STORED",
        "CREATE INDEX disclosure_publication_search ON disclosure_publication "
        "USING gin (search_document) WHERE is_current AND withdrawn_at IS NULL",
    ]


def _text(column: str) -> str:
    return f"disclosure_search_text(coalesce({column}, ''))"


CONFIG = "'disclosure_english'::regconfig"
PG_AFTER = [
    *TEXT_SEARCH,
    FUNCTION,
    *_postgresql(
        f"setweight(to_tsvector({CONFIG}, {_text('title')} || ' ' || "
        f"{_text('reference')}), 'A') || "
        f"setweight(to_tsvector({CONFIG}, {_text('request_text')}), 'B') || "
        f"setweight(to_tsvector({CONFIG}, {_text('response_text')}), 'C')"
    ),
]
#: As migration 0004 left it.
PG_BEFORE = [
    *_postgresql(
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || "
        "coalesce(reference, '') || ' ' || coalesce(slug, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(request_text, '')), 'B') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(response_text, '')), 'C')"
    ),
    "DROP FUNCTION IF EXISTS disclosure_search_text(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS disclosure_english",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS disclosure_english_stem",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in PG_AFTER:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in PG_BEFORE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0004_search_reference")]

    operations = [migrations.RunPython(forwards, backwards)]
