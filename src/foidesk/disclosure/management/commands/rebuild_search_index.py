from django.core.management.base import BaseCommand

from foidesk.disclosure.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Index every public disclosure-log entry again for search (SQLite's FTS5 table; on "
        "PostgreSQL the index is a generated column and needs no rebuilding). Safe to run at "
        "any time, for example after restoring a database copy."
    )

    def handle(self, *args, **options) -> None:
        count = rebuild_index()
        self.stdout.write(f"{count} public entries indexed.")
