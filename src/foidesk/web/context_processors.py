from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, str]:
    """The service name shown in the header of every page."""
    return {"service_name": settings.FOIDESK_SERVICE_NAME}
