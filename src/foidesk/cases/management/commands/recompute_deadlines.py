from django.core.management.base import BaseCommand

from foidesk.cases.services import recompute_open_deadlines
from foidesk.law.calendars import clear_calendar_cache


class Command(BaseCommand):
    help = (
        "Recompute the stored due dates of every open request, e.g. after the bank holiday "
        "data changed (a new holidays release or proclaimed-days table). Each changed date is "
        "recorded on its request's timeline."
    )

    def handle(self, *args, **options) -> None:
        clear_calendar_cache()
        changed = recompute_open_deadlines()
        self.stdout.write(f"{changed} open request(s) had their due dates changed.")
