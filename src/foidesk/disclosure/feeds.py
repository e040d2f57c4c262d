"""Atom feeds of new entries in the disclosure log: all of them, or one topic's."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from foidesk.cases.models import Authority

from . import public, selectors
from .models import Publication, Topic

FEED_SIZE = 50


class LogFeed(Feed):
    """The newest entries first; an entry's address is its permalink."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Topic | None:
        """A topic's feed while a public version of an entry (the current one or an earlier
        one) has the topic: one whose entries were all withdrawn is shown nowhere (its name
        may be why they were)."""
        if not slug:
            return None
        shown = Topic.objects.filter(publications__withdrawn_at__isnull=True).distinct()
        return get_object_or_404(shown, slug=slug)

    def title(self, topic: Topic | None) -> str:
        name = Authority.current().name
        return f"{name} disclosure log" + (f": {topic.name}" if topic else "")

    def subtitle(self, topic: Topic | None) -> str:
        return "Answers to Freedom of Information requests, as published."

    def link(self, topic: Topic | None) -> str:
        url = reverse("disclosure:log")
        return f"{url}?topic={topic.slug}" if topic else url

    def feed_url(self, topic: Topic | None) -> str:
        if topic:
            return reverse("disclosure:topic-feed", args=[topic.slug])
        return reverse("disclosure:feed")

    def items(self, topic: Topic | None) -> list[Publication]:
        entries = selectors.published()
        if topic:
            entries = entries.filter(topics=topic)
        return list(entries.order_by("-published_at", "-id")[:FEED_SIZE])

    def item_title(self, item: Publication) -> str:
        return f"{item.title} ({item.reference})"

    def item_description(self, item: Publication) -> str:
        return selectors.snippet(item, [], width=400)

    def item_link(self, item: Publication) -> str:
        return public.entry_url(item)

    def item_guid(self, item: Publication) -> str:
        return f"{public.entry_url(item)}#version-{item.version}"

    def item_pubdate(self, item: Publication) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Publication) -> datetime:
        return item.published_at

    def item_categories(self, item: Publication) -> list[str]:
        return [item.get_outcome_display()]
