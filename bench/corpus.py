"""A synthetic news corpus: `python -m bench.corpus OUT_DIR --articles N --seed S`.

Articles are composed from templates and vocabularies (not copies of the seeds): headlines,
datelines, leads with relative and absolute dates, quotes, titles that link people to
parties, durations, boilerplate blocks, and a few bad files. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

WORLDS = (
    {"parties": ("Russia", "Ukraine", "United States", "Turkey", "European Union"),
     "demonyms": ("Russian", "Ukrainian", "American", "Turkish", "European"),
     "capitals": ("Moscow", "Kyiv", "Washington", "Ankara", "Brussels"),
     "places": ("Geneva", "Istanbul", "Odesa", "Kharkiv", "Riyadh", "Abu Dhabi")},
    {"parties": ("Israel", "Hamas", "Egypt", "Qatar", "United Nations"),
     "demonyms": ("Israeli", "Palestinian", "Egyptian", "Qatari", "UN"),
     "capitals": ("Jerusalem", "Gaza", "Cairo", "Doha", "New York"),
     "places": ("Sharm el-Sheikh", "Rafah", "Khan Younis", "Doha", "Cairo")},
    {"parties": ("Sudan", "Rapid Support Forces", "Saudi Arabia", "African Union", "Chad"),
     "demonyms": ("Sudanese", "RSF", "Saudi", "African Union", "Chadian"),
     "capitals": ("Khartoum", "Port Sudan", "Riyadh", "Addis Ababa", "N'Djamena"),
     "places": ("El Fasher", "Jeddah", "Kordofan", "Darfur", "El Obeid")},
)
FIRST = ("Anna", "Oleh", "Mark", "Leila", "Tomas", "Sara", "Yusuf", "Irina", "David", "Amal",
         "Pavel", "Nadia", "Omar", "Elena", "Karim", "Marta")
LAST = ("Kovalenko", "Petrov", "Haddad", "Lindqvist", "Osman", "Moreau", "Rahimi", "Varga",
        "Mensah", "Novak", "Schulz", "Qureshi", "Ibrahim", "Marin", "Bauer", "Dimitrov")
TITLES = ("foreign minister", "lead negotiator", "spokesperson", "envoy", "defence minister",
          "president", "army chief", "deputy prime minister")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WHEN = ("on {weekday}", "yesterday", "earlier this week", "last week", "on {date}",
        "in {month} {year}", "overnight", "this morning", "{n} days ago", "last month",
        "over the weekend", "on {weekday} night", "earlier this year")
FUTURE = ("next {weekday}", "next week", "within the next {n} days", "later this month",
          "on {weekday}", "in {month}")
HAPPENINGS = (
    "{dem} forces launched a wave of drone and missile strikes on {place}",
    "delegations from {p1} and {p2} met in {place} for {n} hours of talks",
    "{p1} and {p2} exchanged {n} prisoners of war",
    "a strike on an energy facility near {place} cut power to thousands of homes",
    "{p1} announced new sanctions on {p2}",
    "officials in {cap} said a ceasefire proposal was under review",
    "at least {n} civilians were killed in shelling of {place}",
    "{p1} pledged a new package of military aid to {p2}",
    "a poll found most {dem} voters would reject any territorial concessions",
    "negotiators agreed on a framework for monitoring a truce",
)
PLANS = ("talks are set to resume in {place} {future}",
         "the two sides will meet again {future}",
         "{p1} is expected to respond to the proposal {future}")
QUOTES = ("“We are ready to continue the dialogue,” {name} said.",
          "“There can be no agreement without guarantees,” {name} told reporters.",
          "“The attacks must stop,” {name} said in a statement.")
BOILERPLATE = ("Read More: {headline}", "Related Articles", "an hour ago", "- {outlet}",
               "Comments", "No comments yet...")
OUTLETS = ("Daily Courier", "World Desk", "Evening Wire", "Global Post")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _fill(rnd: random.Random, template: str, world: dict[str, tuple[str, ...]],
          published: dt.date) -> str:
    i, j = rnd.sample(range(len(world["parties"])), 2)
    back = published - dt.timedelta(days=rnd.randint(15, 400))
    values = {
        "p1": world["parties"][i], "p2": world["parties"][j], "dem": world["demonyms"][i],
        "cap": world["capitals"][i], "place": rnd.choice(world["places"]),
        "n": str(rnd.randint(2, 60)), "weekday": rnd.choice(WEEKDAYS),
        "date": f"{back.day} {MONTHS[back.month - 1]} {back.year}",
        "month": rnd.choice(MONTHS), "year": str(published.year - rnd.randint(0, 2)),
    }
    values["future"] = rnd.choice(FUTURE).format(**values)
    values["when"] = rnd.choice(WHEN).format(**values)
    return template.format(**values)


def article(rnd: random.Random, index: int, start: dt.date, days: int) -> tuple[str, dt.date]:
    world = rnd.choice(WORLDS)
    published = start + dt.timedelta(days=rnd.randrange(days))
    people = []
    for _ in range(rnd.randint(2, 4)):
        party = rnd.randrange(len(world["parties"]))
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        people.append((name, world["demonyms"][party], world["parties"][party]))
    headline = _fill(rnd, rnd.choice(HAPPENINGS), world, published)
    headline = " ".join(w.capitalize() if len(w) > 3 else w for w in headline.split())
    paragraphs = [headline, ""]
    lead = _fill(rnd, rnd.choice(HAPPENINGS), world, published)
    when = _fill(rnd, "{when}", world, published)
    paragraphs.append(f"{rnd.choice(world['places']).upper()} – {lead[0].upper()}{lead[1:]} "
                      f"{when}, officials said.")
    for _ in range(rnd.randint(4, 10)):
        sentences = []
        for _ in range(rnd.randint(2, 4)):
            kind = rnd.random()
            if kind < 0.45:
                happening = _fill(rnd, rnd.choice(HAPPENINGS), world, published)
                sentences.append(f"{happening[0].upper()}{happening[1:]} "
                                 f"{_fill(rnd, '{when}', world, published)}.")
            elif kind < 0.65:
                plan = _fill(rnd, rnd.choice(PLANS), world, published)
                sentences.append(f"{plan[0].upper()}{plan[1:]}.")
            elif kind < 0.85:
                name, demonym, _party = rnd.choice(people)
                title = rnd.choice(TITLES)
                sentences.append(f"{demonym} {title} {name} said the talks had lasted "
                                 f"{rnd.randint(2, 9)} hours.")
            else:
                name = rnd.choice(people)[0]
                sentences.append(rnd.choice(QUOTES).format(name=name.split()[-1]))
        paragraphs.append(" ".join(sentences))
    if rnd.random() < 0.6:
        paragraphs.append(BOILERPLATE[0].format(headline=headline))
    if rnd.random() < 0.5:
        outlet = rnd.choice(OUTLETS)
        paragraphs += ["", "Related Articles", "", outlet, "an hour ago", f"- {outlet}",
                       _fill(rnd, rnd.choice(HAPPENINGS), world, published).capitalize()]
    header = f"date {published.isoformat()}\n" if index % 3 else ""
    return header + "\n".join(paragraphs) + "\n", published


def write_corpus(out: Path, articles: int, seed: int = 1) -> dict[str, int]:
    """Write the corpus; returns how many files of each kind."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start, days = dt.date(2021, 1, 1), 5 * 365
    sidecar = ["# dates for the articles without a header line"]
    for index in range(articles):
        text, published = article(rnd, index, start, days)
        name = f"{index // 500:03d}/article-{index:06d}.txt"
        path = out / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not text.startswith("date "):
            sidecar += [f"[{name}]", f"date = {published.isoformat()}"]
    (out / "timeline-viewer.ini").write_text("\n".join(sidecar) + "\n")
    bad = max(1, articles // 500)
    for index in range(bad):  # a few files a loader must survive
        (out / f"bad-binary-{index}.txt").write_bytes(b"\x00\x01\x02" * 100)
        (out / f"bad-empty-{index}.txt").write_bytes(b"")
    (out / "notes.docx").write_bytes(b"PK\x03\x04")
    return {"articles": articles, "bad": 2 * bad, "ignored": 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {counts['articles']} articles and {counts['bad']} bad files to {args.out}")


if __name__ == "__main__":
    main()
