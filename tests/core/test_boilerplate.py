"""Boilerplate is marked, not deleted, by rule data that a folder can extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.ingest.folder_reader import load_folder
from viewer.core.model import Document


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    return {doc.relpath[:3]: doc for doc in load_folder(seeds_dir).documents}


def marked(doc: Document) -> dict[str, str]:
    return {doc.sentence_text(s): s.boilerplate for s in doc.sentences if s.boilerplate}


def test_read_more_lines_in_002(seeds: dict[str, Document]) -> None:
    assert marked(seeds["002"]) == {
        "Read More: Ukraine, Russia Resume Direct Talks in Abu Dhabi on US Peace Proposal":
            "read-more",
        "Read More: Great-Power Confrontation in Europe: Russia, NATO & UK in the Ukraine War":
            "read-more",
    }


def test_page_furniture_and_related_articles_in_003(seeds: dict[str, Document]) -> None:
    doc = seeds["003"]
    found = marked(doc)
    for line, reason in [
        ("Presenter: Dareen Abughaida", "credits"),
        ("Guests:", "credits"),
        ("Peter Zalmayev – Executive director at Eurasia Democracy Initiative", "credits"),
        ("Hashtags", "page-furniture"),
        ("Try Our AI Features", "page-furniture"),
        ("Explore what Daily8 AI can do for you:", "page-furniture"),
        ("Comments", "related-articles"),
        ("No comments yet...", "related-articles"),
        ("Related Articles", "related-articles"),
        ("an hour ago", "related-articles"),
        ("- Al Jazeera", "related-articles"),
        ("There was no immediate comment from Russia.", "related-articles"),
    ]:
        assert found.get(line) == reason, line
    body = [doc.sentence_text(s) for s in doc.body_sentences]
    assert body[0] == "How to achieve a lasting ceasefire between Russia and Ukraine?"
    assert len(body) == 7
    assert body[-1].startswith("And with Russia steadily advancing on the battlefield")


def test_more_from_author_in_004(seeds: dict[str, Document]) -> None:
    doc = seeds["004"]
    assert set(marked(doc)) == {
        "More From Author",
        "US sends F-22s, F-35s, F-16s in major 50-jet deployment to Middle East",
        "US military prepared to strike Iran as early as this weekend, but Trump has yet to "
        "make a final call, sources say",
    }


def test_marking_keeps_text(seeds: dict[str, Document]) -> None:
    doc = seeds["003"]
    assert "Related Articles" in doc.text


def test_folder_extends_rules(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed.\nSponsored by Acme Widgets\nThey ended.\n")
    assert load_folder(tmp_path).documents[0].boilerplate_count == 0
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / "boilerplate.toml").write_text(
        "[[line]]\nid = 'sponsor'\npattern = '^sponsored by .*$'\n"
    )
    doc = load_folder(tmp_path).documents[0]
    assert marked(doc) == {"Sponsored by Acme Widgets": "sponsor"}


# An article written for this test: every kind of photo and page furniture around a body.
_FURNISHED = """The Harbour Gazette | Coastal desk

Port workers end three-day stoppage in Valmora

By Ines Carvalho

Dock workers in Valmora returned to work on Friday after the port authority agreed to review
night-shift pay.

Gallery: 2 of 7
Cranes stand idle at the container terminal on Wednesday. Photo: Port Authority handout

Union leaders said the review would be finished within a month.

(Above) A picket line outside the main gate.

Pool photo

WHAT THE DEAL SAYS

The authority will publish the review by the end of March, the union said.

[Image: Striking dockers]

Dockers march along the quay on Thursday.

3 of 7

(Reporting by Ines Carvalho; editing by Tomas Lind)

Ines Carvalho covers shipping and labour from Lisbon.

More on the Valmora port:
• Why night shifts matter to the terminal
• Timeline: a decade of port disputes
"""


def test_captions_credits_counters_and_capitals(tmp_path: Path) -> None:
    (tmp_path / "port.txt").write_text(_FURNISHED, encoding="utf-8")
    doc = load_folder(tmp_path).documents[0]
    got = marked(doc)
    assert got.get("The Harbour Gazette | Coastal desk") == "masthead"
    assert got.get("Gallery: 2 of 7") == "gallery"
    assert got.get("Cranes stand idle at the container terminal on Wednesday.") == "caption"
    assert got.get("(Above) A picket line outside the main gate.") == "caption"
    assert got.get("Pool photo") == "photo-credit"
    assert got.get("WHAT THE DEAL SAYS") == "subheading"
    assert got.get("[Image: Striking dockers]") == "image"
    assert got.get("Dockers march along the quay on Thursday.") == "caption"
    assert got.get("3 of 7") == "gallery"
    assert got.get("(Reporting by Ines Carvalho; editing by Tomas Lind)") == "byline"
    assert got.get("Ines Carvalho covers shipping and labour from Lisbon.") == "byline"
    assert got.get("• Why night shifts matter to the terminal") == "related-links"
    body = {doc.sentence_text(s) for s in doc.sentences if not s.boilerplate}
    assert any(t.startswith("Dock workers in Valmora returned") for t in body)
    assert "Union leaders said the review would be finished within a month." in body
    assert any(t.startswith("The authority will publish") for t in body)
    assert "Port workers end three-day stoppage in Valmora" in body


def test_counter_with_its_own_caption_leaves_the_body_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Talks resumed on Monday.\n\nThe ministers met for two hours on Tuesday.\n\n"
        "1 of 3 — (Left) The ministers before the meeting. Photo: pool\n", encoding="utf-8")
    got = marked(load_folder(tmp_path).documents[0])
    assert "The ministers met for two hours on Tuesday." not in got


def test_markdown_image_keeps_a_visible_marker() -> None:
    from viewer.core.ingest.markdown import markdown_to_text

    assert markdown_to_text("![A ship](ship.jpg)\n")[0] == "[Image: A ship]\n"


def test_breadcrumbs_programme_notes_and_photo_captions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "News › Europe › Ports\n\nDockers in Valmora ended their strike on Friday.\n\n"
        "Photo: Dockers leave the terminal at Valmora on May 3. (Port Authority handout)\n\n"
        "Coming up after the break: the port's new night-shift rota.\n\n"
        "This page is no longer being updated. Follow our coverage here.\n", encoding="utf-8")
    got = marked(load_folder(tmp_path).documents[0])
    assert got.get("News › Europe › Ports") == "breadcrumb"
    assert got.get("Photo: Dockers leave the terminal at Valmora on May 3.") == "caption"
    assert got.get("Coming up after the break: the port's new night-shift rota.") == "read-more"
    assert got.get("This page is no longer being updated.") == "page-furniture"
    assert "Dockers in Valmora ended their strike on Friday." not in got


def test_a_dateline_alone_in_its_paragraph_is_furniture(tmp_path: Path) -> None:
    """"JERUSALEM/GAZA, Feb 10 (Levant Wire)" on its own line was listed as an event."""
    (tmp_path / "a.txt").write_text(
        "VALMORA/PORTO NERO, Mar 4 (Harbour Wire)\n\n"
        "Dockers in Valmora ended their strike on Friday.\n\n"
        "KESTREL BAY, April 12 -\n\n"
        "VALMORA, May 3 (Harbour Wire) - Port workers voted on a new contract on Monday.\n",
        encoding="utf-8")
    got = marked(load_folder(tmp_path).documents[0])
    assert got.get("VALMORA/PORTO NERO, Mar 4 (Harbour Wire)") == "dateline"
    assert got.get("KESTREL BAY, April 12 -") == "dateline"
    assert not any(text.startswith(("Dockers", "VALMORA, May 3")) for text in got)


def test_guest_lines_and_site_promotion_without_their_labels(tmp_path: Path) -> None:
    """A guest list whose "Guests:" label is missing, and a site's promotion line, are
    furniture by their own shape; a sentence naming someone with a dash is not."""
    (tmp_path / "a.txt").write_text(
        "Dockers in Valmora ended their strike on Friday.\n\n"
        "Ana Petrov – Senior fellow at the Harbour Institute\n\n"
        "Li Wei — independent shipping and port policy analyst at Kestrel University"
        "\n\n"
        "Try Our New Translation Tools\n\n"
        "Marta Kell – the union's director – said on Friday the strike was over.\n",
        encoding="utf-8")
    got = marked(load_folder(tmp_path).documents[0])
    assert got.get("Ana Petrov – Senior fellow at the Harbour Institute") == "credits"
    guest = "Li Wei — independent shipping and port policy analyst at Kestrel University"
    assert got.get(guest) == "credits"
    assert got.get("Try Our New Translation Tools") == "page-furniture"
    assert not any(text.startswith(("Dockers", "Marta")) for text in got)


def test_a_dateline_before_the_leads_dash_is_no_event(tmp_path: Path) -> None:
    """"JERUSALEM/GAZA, Feb 10 (Levant Wire) — Hamas handed …": the dateline was split off
    as a dated clause and listed as an event of its own."""
    from viewer.core.pipeline.folder_extraction import extract_folder

    (tmp_path / "a.txt").write_text(
        "Dockers end strike\n\nPublished 2026-03-04\n\n"
        "VALMORA/PORTO NERO, Mar 4 (Harbour Wire) — Dockers in Valmora ended their strike "
        "on Monday. The port confirmed the new rota on Tuesday, its director said.\n",
        encoding="utf-8")
    events = extract_folder(tmp_path, use_cache=False).events
    shown = [e.text for e in events if not e.boilerplate]
    assert not any(text.startswith("VALMORA/PORTO NERO") and "Dockers" not in text
                   for text in shown)
    # the lead keeps its dateline, as after a single place ("VALMORA, Mar 4 (Harbour Wire) —")
    assert any(text.endswith("Dockers in Valmora ended their strike on Monday.")
               for text in shown)
