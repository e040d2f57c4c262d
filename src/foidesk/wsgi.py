"""WSGI entry point, served by gunicorn (``foidesk serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.settings.production")
application = get_wsgi_application()
