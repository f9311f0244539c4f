"""The flashcards (`macros/cards.py`) as an Anki deck, written with genanki.

- one sub-deck per service, per exam skills page and for the glossary, under one parent deck;
- tags `service::sqs`, `domain::development`, `task::1.1` and the kind of card;
- every note's GUID comes from the card's stable id, and deck and note type ids are fixed numbers
  derived from their names: importing a newer deck updates the notes in place, without duplicates;
- the AWS source (limits) and the study page are on the back of every card.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import tempfile
import zipfile
from pathlib import Path

from macros.cards import Deck, decks, plain
from macros.guide import built_path
from macros.practice import text_html
from macros.models import SiteData

ANKI_FILE = "downloads/aws-developer-associate.apkg"
# The note type's id: fixed, so reimports match the notes' type. Change it only with its fields.
MODEL_ID = 1_736_018_245
FIELDS = ["Front", "Back", "Source", "Page"]
CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; color: #111; background: #fff; }
.card.nightMode { color: #eee; background: #222; }
code { font-size: .9em; }
.source { font-size: .75em; margin-top: 1.5em; }"""
BACK = """{{FrontSide}}<hr id="answer">{{Back}}
<p class="source">{{#Source}}<a href="{{Source}}">AWS source</a>{{/Source}}{{#Source}}{{#Page}} · {{/Page}}{{/Source}}{{#Page}}{{Page}}{{/Page}}</p>"""


def stable_id(name: str) -> int:
    """A deck id from its name: the same every build, and in Anki's 31-bit-safe range."""
    return 1 << 30 | int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:7], 16)


def parent_deck(data: SiteData) -> str:
    return f"AWS {data.exam.code} study cards"


def sub_deck(data: SiteData, deck: Deck) -> str:
    group = {"service": "Services", "skills": "Exam skills", "glossary": ""}[deck.kind]
    return "::".join(part for part in [parent_deck(data), group, deck.title] if part)


def page_reference(card_page: str, site_url: str | None) -> str:
    """The study page: a link when the site's address is known, its path otherwise."""
    path, _, anchor = card_page.partition("#")
    built = built_path(path).removesuffix("index.html") + (f"#{anchor}" if anchor else "")
    if site_url:
        address = site_url.rstrip("/") + "/" + built
        return f'<a href="{html.escape(address)}">Study page</a>'
    return f"Study page: {html.escape(built)}"


def _deflated(package: bytes) -> bytes:
    """genanki stores the database uncompressed; Anki reads a deflated package as well (its own
    exports are), at about a fifth of the size."""
    source, out = zipfile.ZipFile(io.BytesIO(package)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def build_package(data: SiteData, glossary: dict[str, str] | None, titles: dict[str, str] | None = None,
                  site_url: str | None = None, timestamp: float | None = None) -> bytes:
    """The .apkg file's bytes. `timestamp` fixes Anki's modification times (for a reproducible file)."""
    import genanki

    model = genanki.Model(
        MODEL_ID, f"{parent_deck(data)} card",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": BACK}],
        css=CSS,
    )
    anki_decks = []
    for deck in decks(data, glossary, titles).values():
        name = sub_deck(data, deck)
        anki_deck = genanki.Deck(stable_id(name), name)
        for card in deck.cards:
            anki_deck.add_note(genanki.Note(
                model=model,
                fields=[text_html(data, card.front), text_html(data, card.back), html.escape(card.source or ""),
                        page_reference(card.page, site_url) if card.page else ""],
                tags=card.tags(),
                guid=genanki.guid_for(card.id),
                sort_field=plain(data, card.front),
            ))
        anki_decks.append(anki_deck)
    handle, path = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(anki_decks).write_to_file(path, timestamp=timestamp)
        return _deflated(Path(path).read_bytes())
    finally:
        os.unlink(path)
