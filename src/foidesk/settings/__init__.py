"""Settings, read from the environment.

``base`` holds everything shared; ``production`` (the default) refuses to start without
``FOIDESK_SECRET_KEY``; ``development`` allows a local key with ``FOIDESK_DEBUG``; ``test`` is
for the suite.
"""
