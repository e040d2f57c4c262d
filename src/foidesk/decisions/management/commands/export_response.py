"""``foidesk export-response REF [-o FILE]``: a request's draft response as JSON.

Writes the structured response (``docs/response-format.md``) exactly as the checker, the
documents and approval read it (``compose.response_data``), so ``foidesk check`` can be run on
it outside the service. The JSON holds no requester data.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from foidesk.cases.models import Request
from foidesk.decisions.compose import response_data
from foidesk.law.response import ResponseFormatError, load_response


class Command(BaseCommand):
    help = (
        "Write a request's draft response as structured JSON (docs/response-format.md), "
        "ready for `foidesk check`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("reference", help="the request's reference, e.g. 190A/23")
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
        )

    def handle(self, *args, reference: str, output: str | None, **options) -> None:
        ref = reference.strip()
        # The reference as staff write it (190A/23), or as it appears in addresses (190A-23).
        request = (
            Request.objects.filter(reference=ref).first()
            or Request.objects.filter(slug=ref).first()
        )
        if request is None:
            raise CommandError(f"There is no request with the reference {ref!r}.")
        data = response_data(request)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if output and output != "-":
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"Cannot write {output}: {exc.strerror or exc}") from exc
        else:
            self.stdout.write(text, ending="")
        # Say so when the draft is not yet a valid response: `foidesk check` would refuse it.
        try:
            load_response(data)
        except ResponseFormatError as exc:
            problems = "\n".join(f"  {e}" for e in exc.errors)
            raise CommandError(
                f"{request.reference}: written, but the draft is not yet a valid response:\n"
                f"{problems}"
            ) from exc
