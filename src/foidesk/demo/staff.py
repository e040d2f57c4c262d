"""Demo members of staff, one or more per role, with a password made on this machine.

The password is random, kept in ``var/demo-sign-ins.txt`` (never committed) and printed by
``make run``; loading the demo again keeps it, so a browser that is signed in stays signed in.

Department contacts are attached to the departments they answer for (``Department.contacts``),
so every department in the demo register has someone who can return answers: a contact sees
only the questions routed to their departments.
"""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from foidesk.accounts.models import Role, User
from foidesk.cases.models import Department


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    role: Role
    #: For department contacts: the departments whose routed questions they answer.
    departments: tuple[str, ...] = ()


DEMO_STAFF = (
    DemoPerson("officer", "Priya", "Shah", Role.FOI_OFFICER),
    DemoPerson("officer2", "Tom", "Hughes", Role.FOI_OFFICER),
    DemoPerson("approver", "Grace", "Okafor", Role.DECISION_MAKER),
    DemoPerson("psd", "Daniel", "Reid", Role.DEPARTMENT_CONTACT, ("Professional Standards",)),
    DemoPerson("hr", "Aisha", "Khan", Role.DEPARTMENT_CONTACT, ("Human Resources",)),
    DemoPerson(
        "finance", "Helen", "Marsh", Role.DEPARTMENT_CONTACT, ("Finance", "Fleet and Estates")
    ),
    DemoPerson("ops", "Gareth", "Lowe", Role.DEPARTMENT_CONTACT, ("Operations", "Custody")),
    DemoPerson("intel", "Nadia", "Brennan", Role.DEPARTMENT_CONTACT, ("Intelligence",)),
    DemoPerson(
        "legal",
        "Owen",
        "Price",
        Role.DEPARTMENT_CONTACT,
        ("Legal Services", "Corporate Communications"),
    ),
    DemoPerson("auditor", "Martin", "Cole", Role.READ_ONLY),
)


def sign_ins_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-sign-ins.txt"


def _demo_password() -> str:
    path = sign_ins_file()
    if path.exists():
        for line in path.read_text().splitlines():
            if line.startswith("Password:"):
                return line.split(":", 1)[1].strip()
    return secrets.token_urlsafe(12)


def _describe(person: DemoPerson) -> str:
    text = f"  {person.username:<10} {person.first_name} {person.last_name}, {person.role.label}"
    if person.departments:
        text += f" ({', '.join(person.departments)})"
    return text


@transaction.atomic
def load_demo_staff() -> str:
    """Create or refresh the demo staff; return the sign-in text printed for the user."""
    password = _demo_password()
    for person in DEMO_STAFF:
        user, _ = User.objects.get_or_create(username=person.username)
        user.first_name, user.last_name, user.role = (
            person.first_name,
            person.last_name,
            person.role,
        )
        user.is_staff = person.role == Role.FOI_OFFICER
        user.set_password(password)
        user.save()
        # get_or_create: the register loader makes the same departments by name, in any order.
        user.departments.set(
            Department.objects.get_or_create(name=name)[0] for name in person.departments
        )
    lines = ["Demo sign-ins (all share one password):"]
    lines += [_describe(p) for p in DEMO_STAFF]
    lines.append(f"Password: {password}")
    text = "\n".join(lines) + "\n"
    path = sign_ins_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o600)
    return text
