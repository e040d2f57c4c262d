from django.core.management.base import BaseCommand
from django.db import transaction

from foidesk.demo.disclosure import load_demo_disclosure_log
from foidesk.demo.register import demo_summary, load_demo_register
from foidesk.demo.staff import load_demo_staff
from foidesk.demo.statistics import load_demo_statistics, statistics_summary
from foidesk.disclosure.models import Publication


class Command(BaseCommand):
    help = (
        "Load the demo data: staff for every role, a paragraph library and a police force's "
        "request register, its responses decided, approved by a second person and sent "
        "and published in the disclosure log (safe to run again: the register is loaded once, "
        "the staff are refreshed)."
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            # Staff first: department contacts answer the register's questions, FOI officers
            # draft the responses and the decision maker approves them.
            sign_ins = load_demo_staff()
            loaded = load_demo_register()
            _, problems = load_demo_disclosure_log()
            load_demo_statistics()
        if not loaded:
            self.stderr.write(
                "The demo requests were already loaded (190A/23 exists): kept them as they are; "
                "staff refreshed."
            )
        # The same text on every run, so the printed sign-ins and counts can be compared.
        self.stdout.write(demo_summary())
        # Counted from the log, so a second run prints the same line.
        self.stdout.write(
            f"Disclosure log: {Publication.objects.published().count()} entries published."
        )
        self.stdout.write(statistics_summary())
        for problem in problems:
            self.stderr.write(f"Not published: {problem}")
        self.stdout.write(sign_ins)
