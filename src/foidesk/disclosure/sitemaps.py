"""The sitemap: the log's front page and every public entry (Django splits it into pages
of 50,000 under a sitemap index)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import public, selectors


class LogSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["disclosure:log"]

    def location(self, item: str) -> str:
        return reverse(item)


class EntrySitemap(Sitemap):
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return (
            selectors.published()
            .order_by("id")
            .only("id", "slug", "version", "is_current", "published_at")
        )

    def location(self, item) -> str:
        return public.entry_url(item)

    def lastmod(self, item):
        return item.published_at


SITEMAPS = {"log": LogSitemap, "entries": EntrySitemap}
