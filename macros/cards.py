"""Flashcards, made from the data and never typed twice: one card per limit (`limits.yml`), per
self-test question (`selftest.yml`, also shown at the end of its page by `{{ self_test() }}`) and per
glossary abbreviation (`includes/abbreviations.md`).

The same cards feed the flashcard pages (one per service, per exam domain and the glossary; made
by `exports/`, studied with `assets/javascripts/flashcards.js`), `data/flashcards.tsv` and the Anki
deck (`exports/anki.py`). A card's `id` is stable, so study progress and Anki notes survive edits.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .models import SiteData
from .datafiles import LIMIT_CALL
from .practice import plain_text, text_html, url
from .registry import Context, UnknownReference, macro

FLASHCARDS_DIR = "flashcards"
GLOSSARY_DECK = "glossary"
GLOSSARY_PAGE = "glossary.md"


@dataclass(frozen=True)
class Card:
    id: str  # stable: "limit:sqs.message-size", "self-test:sqs-1", "glossary:SQS"
    kind: str  # "limit", "self-test" or "glossary"
    deck: str  # a service id, a skills page's name or "glossary"
    front: str  # text: `code` spans and {{ limit('id') }} are allowed
    back: str
    source: str | None = None  # AWS documentation that states it
    page: str = ""  # the site section that teaches it: services/sqs.md#limits
    service: str | None = None  # the service it is about, if one
    domains: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()  # the exam's numbered skills its page teaches ("2.3.3")

    @property
    def anchor(self) -> str:
        return "card-" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.id).strip("-").lower()

    def tags(self) -> list[str]:
        service = [f"service::{self.service}"] if self.service else []
        kind = {"limit": "limits"}.get(self.kind, self.kind)
        return [*service, *[f"domain::{d}" for d in self.domains], *[f"task::{t}" for t in self.tasks],
                *[f"skill::{s}" for s in self.skills], kind]


@dataclass
class Deck:
    id: str
    title: str  # "SQS", "Testing", "Glossary"
    page: str  # the site page the cards come from
    kind: str  # "service", "skills" or "glossary"
    cards: list[Card] = field(default_factory=list)


def page_skills(data: SiteData) -> dict[str, tuple[str, ...]]:
    """The exam skills a page teaches (from exam.yml's `teach`), in the guide's order: a card from
    that page is tagged with them, so the exam data is the one place that says what a page is for."""
    skills: dict[str, list[str]] = {}
    for skill in data.exam.skills.values():
        for ref in skill.teach:
            found = skills.setdefault(ref.partition("#")[0], [])
            if skill.id not in found:
                found.append(skill.id)
    return {page: tuple(found) for page, found in skills.items()}


def page_tasks(data: SiteData) -> dict[str, tuple[str, ...]]:
    """The task statements whose skills a page teaches."""
    return {page: tuple(sorted({s.rsplit(".", 1)[0] for s in skills})) for page, skills in page_skills(data).items()}


def _domains_of(data: SiteData, tasks: tuple[str, ...], extra: list[str] = ()) -> tuple[str, ...]:
    by_number = {str(n): d.id for n, d in enumerate(data.exam.domains, start=1)}
    found = set(extra) | {by_number[t.split(".")[0]] for t in tasks}
    return tuple(d.id for d in data.exam.domains if d.id in found)


def page_titles(docs_dir: Path, pages) -> dict[str, str]:
    """The first `# ` heading of each page."""
    titles = {}
    for page in pages:
        path = Path(docs_dir) / page
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# "):
                    titles[page] = line[2:].strip()
                    break
    return titles


_DECKS: list = []  # [(data, glossary, titles), decks]: the last one made (holding `data` keeps its id)


def decks(data: SiteData, glossary: dict[str, str] | None = None, titles: dict[str, str] | None = None) -> dict[str, Deck]:
    """Every deck, in navigation order: services (with their limits and self-test cards), then the
    exam skills pages' self-test cards, then the glossary. Made once per data and glossary: every
    flashcard page asks."""
    key = (glossary or {}, titles or {})
    if not _DECKS or _DECKS[0][0] is not data or _DECKS[0][1:] != key:
        _DECKS[:] = [(data, *key), _decks(data, glossary, titles)]
    return _DECKS[1]


def _decks(data: SiteData, glossary: dict[str, str] | None, titles: dict[str, str] | None) -> dict[str, Deck]:
    from .render import limit_kind, limit_value

    titles, tasks_of, skills_of = titles or {}, page_tasks(data), page_skills(data)
    service_of_page = {s.page: s for s in data.services.values()}
    out: dict[str, Deck] = {}
    for category in data.categories.values():
        for service in data.services.values():
            if service.category != category.id:
                continue
            tasks, skills = tasks_of.get(service.page, ()), skills_of.get(service.page, ())
            domains = _domains_of(data, tasks, service.domains) if service.in_scope else ()
            name = service.short or service.name
            deck = Deck(service.id, name, service.page, "service")
            for limit in data.limits_of(service.id):
                value = limit_value(limit).replace("\\", "")
                deck.cards.append(Card(
                    id=f"limit:{limit.id}", kind="limit", deck=service.id, front=f"{name}: {limit.name}?",
                    back=f"{value} ({limit_kind(limit).lower()})" + (f". {limit.note}" if limit.note else ""),
                    source=limit.source, page=f"{service.page}#limits", service=service.id, domains=domains, tasks=tasks, skills=skills,
                ))
            for card in data.self_tests.get(service.page, ()):
                deck.cards.append(Card(
                    id=f"self-test:{card.id}", kind="self-test", deck=service.id, front=card.question, back=card.answer,
                    page=f"{service.page}#self-test", service=service.id, domains=domains, tasks=tasks, skills=skills,
                ))
            if deck.cards:
                out[service.id] = deck
    for page, cards in data.self_tests.items():
        if page in service_of_page:
            continue
        stem = page.removesuffix(".md").replace("/", "-")
        tasks, skills = tasks_of.get(page, ()), skills_of.get(page, ())
        deck = Deck(stem, titles.get(page, stem.replace("-", " ").capitalize()), page, "skills")
        deck.cards = [Card(id=f"self-test:{c.id}", kind="self-test", deck=stem, front=c.question, back=c.answer,
                           page=f"{page}#self-test", domains=_domains_of(data, tasks), tasks=tasks, skills=skills) for c in cards]
        out[stem] = deck
    if glossary:
        deck = Deck(GLOSSARY_DECK, "Glossary", GLOSSARY_PAGE, "glossary")
        for abbreviation, expansion in sorted(glossary.items(), key=lambda item: item[0].lower()):
            deck.cards.append(Card(id=f"glossary:{abbreviation}", kind="glossary", deck=GLOSSARY_DECK,
                                   front=f"What does {abbreviation} stand for?", back=expansion, page=GLOSSARY_PAGE))
        out[GLOSSARY_DECK] = deck
    return out


def domain_cards(data: SiteData, all_decks: dict[str, Deck], domain: str) -> list[Card]:
    return [card for deck in all_decks.values() for card in deck.cards if domain in card.domains]


def plain(data: SiteData, text: str) -> str:
    """Card text for TSV and Anki's sort field: limit values filled in, backticks dropped."""
    return plain_text(data, text).replace("`", "")


# ---------------------------------------------------------------------------------------------
# Pages


def deck_page(deck_id: str) -> str:
    return f"{FLASHCARDS_DIR}/{deck_id}.md"


def generated_pages(data: SiteData, glossary: dict[str, str] | None) -> dict[str, str]:
    """The Markdown of every flashcard page but the index: one per service, per exam domain and the
    glossary. Each page is a title and one macro call, so the page's HTML comes from the macro."""
    pages = {}
    service_decks = {k: d for k, d in decks(data, glossary).items() if d.kind != "skills"}
    for domain in data.exam.domains:
        if domain.id in service_decks:
            raise ValueError(f"exam domain id {domain.id!r} is also a deck id; flashcard pages would collide")
        pages[deck_page(domain.id)] = _page(f"Flashcards: {domain.name}", domain.id,
                                            f"Flashcards for the {domain.name} domain of the exam")
    for deck in service_decks.values():
        title = "Flashcards: glossary" if deck.kind == "glossary" else f"Flashcards: {deck.title}"
        pages[deck_page(deck.id)] = _page(title, deck.id, f"{title}: limits and self-test questions, with spaced repetition")
    return pages


def _page(title: str, deck: str, description: str) -> str:
    yaml_text = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
    return (f"---\ntitle: {yaml_text(title)}\ndescription: {yaml_text(description)}\nflashcards: true\n"
            f"search:\n  exclude: true\n---\n\n# {html.escape(title, quote=False)}\n\n{{{{ flashcard_deck('{deck}') }}}}\n")


# How to study, shown with or without the script (so it is also the first text painted), then the
# study panel: in the page from the start, it keeps its place invisibly until the script runs.
STUDY_INTRO = (
    '<p class="flashcard-intro">Say the answer to yourself, show it, then mark it. Cards you knew come back after '
    '1, 3, 7 and then 14 days (Leitner boxes 2 to 5); cards you missed come back today. Keys: <kbd>Space</kbd> '
    'shows the answer, <kbd>K</kbd> knew it, <kbd>A</kbd> again. Your progress stays in this browser. Without '
    'JavaScript, open each card in the list below.</p>'
)
STUDY_PANEL = (
    '<section class="flashcard-study" aria-label="Study these cards">'
    '<p class="flashcard-progress" role="status">{count} cards.</p>'
    '<div class="flashcard-stage"><p class="flashcard-prompt"></p><div class="flashcard-answer" hidden></div></div>'
    '<p class="flashcard-actions">'
    '<button type="button" class="md-button md-button--primary" data-card-action="flip" aria-keyshortcuts="Space">Show answer</button> '
    '<button type="button" class="md-button md-button--primary" data-card-action="knew" aria-keyshortcuts="K" hidden>Knew it</button> '
    '<button type="button" class="md-button" data-card-action="again" aria-keyshortcuts="A" hidden>Again</button> '
    '<button type="button" class="md-button" data-card-action="restart" hidden>Study every card now</button></p>'
    '<p class="flashcard-keys"><button type="button" class="flashcard-reset" data-card-action="reset">'
    'Forget my progress on these cards</button></p>'
    '</section>'
)


def _card_item(ctx: Context, card: Card) -> str:
    data, page = ctx.data, ctx.page
    meta = []
    if card.source:
        meta.append(f'<a href="{html.escape(card.source)}">AWS source</a>')
    if card.page:
        meta.append(f'<a href="{html.escape(url(card.page, page, ctx.directory_urls))}">study page</a>')
    return (
        f'<li class="flashcard" id="{card.anchor}" data-card="{html.escape(card.id)}">'
        f'<details><summary>{text_html(data, card.front)}</summary>'
        f'<div class="flashcard-back"><p>{text_html(data, card.back)}</p>'
        f'<p class="flashcard-meta">{" · ".join(meta)}</p></div></details></li>'
    )


@macro
def flashcard_deck(ctx: Context, deck: str) -> str:
    """The study panel and every card of a deck: a service id, an exam domain id or 'glossary'."""
    all_decks = decks(ctx.data, ctx.glossary)
    domains = {d.id for d in ctx.data.exam.domains}
    if deck in domains:
        cards = domain_cards(ctx.data, all_decks, deck)
    elif deck in all_decks:
        cards = all_decks[deck].cards
    else:
        raise UnknownReference(f"unknown deck {deck!r}; a deck is an exam domain, a service with cards or 'glossary'")
    items = "".join(_card_item(ctx, card) for card in cards)
    return (f'<div class="flashcards" data-deck="{html.escape(deck)}">' + STUDY_INTRO + STUDY_PANEL.format(count=len(cards))
            + f'<h2 id="all-cards">All {len(cards)} cards</h2><ol class="flashcard-list">{items}</ol></div>')


@macro
def flashcard_decks(ctx: Context) -> str:
    """The flashcard pages: each exam domain, each service and the glossary, with card counts."""
    from .render import _table, link

    data, page = ctx.data, ctx.page
    all_decks = decks(data, ctx.glossary)
    rows = []
    for domain in data.exam.domains:
        count = len(domain_cards(data, all_decks, domain.id))
        rows.append([f"[{html.escape(domain.name)}]({link(deck_page(domain.id), page)})", f"{count}"])
    blocks = ["## By exam domain", _table(["Domain", "Cards"], rows)]
    rows = []
    for deck in all_decks.values():
        if deck.kind == "service":
            limits = sum(c.kind == "limit" for c in deck.cards)
            rows.append([f"[{html.escape(deck.title)}]({link(deck_page(deck.id), page)})", f"{limits}",
                         f"{len(deck.cards) - limits}"])
    blocks += ["## By service", _table(["Service", "Limit cards", "Self-test cards"], rows)]
    if GLOSSARY_DECK in all_decks:
        blocks += ["## Abbreviations",
                   f"[Glossary flashcards]({link(deck_page(GLOSSARY_DECK), page)}): "
                   f"{len(all_decks[GLOSSARY_DECK].cards)} abbreviations and what they stand for."]
    return "\n\n".join(blocks)


@macro
def self_test(ctx: Context) -> str:
    """This page's self-test questions (from data/selftest.yml), each with its answer folded."""
    from .render import limit

    cards = ctx.data.self_tests.get(ctx.page)
    if not cards:
        raise UnknownReference(f"no self-test cards for {ctx.page!r} in selftest.yml")

    def markdown(text: str) -> str:
        return LIMIT_CALL.sub(lambda m: limit(ctx, m.group(1)), text)

    # The question is the block's title, in quotes: a limit goes in as its plain value.
    blocks = [f'??? question "{plain_text(ctx.data, card.question)}"\n    {markdown(card.answer)}' for card in cards]
    service = next((s for s in ctx.data.services.values() if s.page == ctx.page), None)
    if service is not None:
        from .render import link

        name = service.short or service.name
        blocks.append(f"Study these and every {html.escape(name)} limit as [flashcards]({link(deck_page(service.id), ctx.page)})."
                      "\n{ .print-hide }")
    return "\n\n".join(blocks)
