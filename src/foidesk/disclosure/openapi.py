"""The OpenAPI 3.1 document describing the disclosure log API, served at /api/v1/openapi.json.

Written out by hand so that it is the contract: the tests run schemathesis against the API
with it, so the document and the code cannot drift apart unnoticed.
"""

from __future__ import annotations

from typing import Any

from .forms import MAX_PAGE, MAX_QUERY
from .models import OverallOutcome
from .selectors import MAX_PAGE_SIZE, FacetOptions

_STRING = {"type": "string"}
_DATE = {"type": "string", "format": "date"}
_DATETIME = {"type": "string", "format": "date-time"}
_URL = {"type": "string", "format": "uri"}

_PROVISION = {
    "type": "object",
    "required": ["id", "label"],
    "additionalProperties": False,
    "properties": {
        "id": {**_STRING, "description": 'Catalogue id, e.g. "foia:s40(2)".'},
        "label": {**_STRING, "description": 'As a reader would write it, e.g. "Section 40(2)".'},
    },
}
_TOPIC = {
    "type": "object",
    "required": ["slug", "name"],
    "additionalProperties": False,
    "properties": {"slug": _STRING, "name": _STRING},
}
_SUMMARY_PROPERTIES: dict[str, Any] = {
    "reference": {**_STRING, "description": "The authority's reference, e.g. 190A/23."},
    "slug": {**_STRING, "description": "The reference as used in addresses, e.g. 190A-23."},
    "title": _STRING,
    "url": {**_URL, "description": "The entry's page."},
    "regime": {"type": "string", "enum": ["foia", "eir", "foisa"]},
    "received_on": _DATE,
    "responded_on": _DATE,
    "published_at": _DATETIME,
    "version": {
        "type": "integer",
        "minimum": 1,
        "description": "Corrections are published as new versions.",
    },
    "outcome": {"type": "string", "enum": list(OverallOutcome.values)},
    "outcome_label": _STRING,
    "ncnd": {
        "type": "boolean",
        "description": "At least one answer neither confirms nor denies that information is held.",
    },
    "provisions": {"type": "array", "items": _PROVISION},
    "topics": {"type": "array", "items": _TOPIC},
}
_SUMMARY = {
    "type": "object",
    "required": list(_SUMMARY_PROPERTIES),
    "additionalProperties": False,
    "properties": _SUMMARY_PROPERTIES,
}
_DETAIL_PROPERTIES: dict[str, Any] = {
    **_SUMMARY_PROPERTIES,
    "request_text": {**_STRING, "description": "The request as received, redacted."},
    "questions": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["number", "text", "context"],
            "additionalProperties": False,
            "properties": {
                "number": {"type": "integer"},
                "text": _STRING,
                "context": {"type": ["string", "null"]},
            },
        },
    },
    "answers": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["questions", "outcome", "outcome_label", "provisions", "text"],
            "additionalProperties": False,
            "properties": {
                "questions": {"type": "array", "items": {"type": "integer"}},
                "outcome": _STRING,
                "outcome_label": _STRING,
                "provisions": {"type": "array", "items": _STRING},
                "text": _STRING,
            },
        },
    },
    "response_text": {**_STRING, "description": "The response as plain text."},
    "attachments": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["name", "url", "content_type", "size", "sha256", "questions"],
            "additionalProperties": False,
            "properties": {
                "name": _STRING,
                "url": _URL,
                "content_type": _STRING,
                "size": {"type": "integer", "minimum": 0},
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "questions": {"type": "array", "items": {"type": "integer"}},
            },
        },
    },
    "correction_note": {"type": ["string", "null"]},
    "versions": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["version", "published_at", "url", "correction_note"],
            "additionalProperties": False,
            "properties": {
                "version": {"type": "integer"},
                "published_at": _DATETIME,
                "url": _URL,
                "correction_note": {"type": ["string", "null"]},
            },
        },
    },
}
_DETAIL = {
    "type": "object",
    "required": list(_DETAIL_PROPERTIES),
    "additionalProperties": False,
    "properties": _DETAIL_PROPERTIES,
}
_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": _STRING,
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": _STRING},
        },
    },
}


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _one_of(kind: str, values: list[Any]) -> dict[str, Any]:
    """A value from ``values``; with none to choose from, no value is valid."""
    return {"type": kind, "enum": values} if values else {"type": kind, "not": {}}


def document(*, server: str = "", options: FacetOptions | None = None) -> dict[str, Any]:
    """The OpenAPI document, with the server it is served from. ``options`` are the filter
    values published entries have (``selectors.facet_options``): the API refuses any other,
    so the document lists them."""
    years = list(options.years) if options else []
    topics = [slug for slug, _ in options.topics] if options else []
    provisions = [pid for pid, _ in options.provisions] if options else []
    parameters = [
        _query(
            "q",
            # Django refuses the NUL character in any text field.
            {"type": "string", "maxLength": MAX_QUERY, "pattern": "^[^\\u0000]*$"},
            'Words to search for, best match first: words, "a phrase", OR, -word.',
        ),
        _query(
            "year", _one_of("integer", years), "The year the response was sent (one entries have)."
        ),
        _query("topic", _one_of("string", topics), "A topic's slug (one entries have)."),
        _query("outcome", {"type": "string", "enum": list(OverallOutcome.values)}, "Outcome."),
        _query(
            "provision",
            _one_of("string", provisions),
            'A provision cited, by catalogue id, e.g. "foia:s40(2)" (one entries cite).',
        ),
        _query(
            "ncnd",
            {"type": "string", "enum": ["yes", "no"]},
            "Only entries that neither confirm nor deny (yes), or that do not (no).",
        ),
        _query(
            "page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            "Page number (a page past the last is 404).",
        ),
        _query(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "Entries per page (20 if not given).",
        ),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Disclosure log API",
            "version": "1.0.0",
            "description": "Published answers to Freedom of Information requests. Open data: "
            "no key needed. A filter value that does not exist (a topic no entry has, say) is "
            "refused with 400 and the reason.",
        },
        "servers": [{"url": server or "/"}],
        "paths": {
            "/api/v1/entries/": {
                "get": {
                    "operationId": "listEntries",
                    "summary": "Search and filter the disclosure log",
                    "parameters": parameters,
                    "responses": {
                        "200": _json_response(
                            "One page of entries",
                            {
                                "type": "object",
                                "required": [
                                    "count",
                                    "page",
                                    "page_size",
                                    "pages",
                                    "next",
                                    "previous",
                                    "results",
                                ],
                                "additionalProperties": False,
                                "properties": {
                                    "count": {"type": "integer", "minimum": 0},
                                    "page": {"type": "integer", "minimum": 1},
                                    "page_size": {"type": "integer", "minimum": 1},
                                    "pages": {"type": "integer", "minimum": 1},
                                    "next": {"type": ["string", "null"], "format": "uri"},
                                    "previous": {"type": ["string", "null"], "format": "uri"},
                                    "results": {"type": "array", "items": _SUMMARY},
                                },
                            },
                        ),
                        "400": _json_response("The search could not be run", _ERROR),
                        "404": _json_response("No such page of results", _ERROR),
                    },
                }
            },
            "/api/v1/entries/{slug}/": {
                "get": {
                    "operationId": "getEntry",
                    "summary": "One entry, as published",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                            "description": "The reference as used in addresses, e.g. 190A-23.",
                        }
                    ],
                    "responses": {
                        "200": _json_response("The entry", _DETAIL),
                        "404": _json_response("No such entry, or withdrawn", _ERROR),
                    },
                }
            },
        },
    }
