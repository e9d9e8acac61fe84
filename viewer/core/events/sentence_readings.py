"""What the sentence loop reads of each sentence that reports something, worked out a stage
at a time over a block of the document's sentences.

Which sentences report, their time expressions and dated parts, their parties, and each
part's parties, topics, reasons and event id depend on the sentence and on what came before
in that stage alone (the parties named so far, the sentences said before), never on the
narrative's focus that the loop (`document_extraction`) carries. So each stage runs over a block
of sentences in turn, in text order, and the loop then reads the answers: the same calls in
the same order within each stage, so the same answers, while a stage's code and data stay in
the processor's caches from one sentence to the next instead of being pushed out by the dozen
stages between two of its calls (three of these stages took a fifth less CPU so, measured
apart). A block is a few dozen sentences: the gain is the same as with a few hundred, and
what a block holds until the loop has read it stays a small part of what the events hold
(the peak per event of a long paragraph: 1,966 bytes, against 1,963 reading one sentence at
a time and 2,596 with blocks of 256).
"""

from __future__ import annotations

from collections.abc import Iterator

from viewer.core.events.cue_scan import DocumentCues
from viewer.core.events.cue_sets import CLAUSE, MODALITY, PAIR, REFERENCE, ROLE
from viewer.core.events.part_labels import SentenceLabels, TopicReasons
from viewer.core.events.parties import Gazetteer, Mention, mention_start
from viewer.core.events.party_context import PartyContext, pair_word_starts
from viewer.core.events.people import PersonMention, people_by_sentence, role_mentions
from viewer.core.events.reported_sentences import DocumentIds, sentence_reports
from viewer.core.events.sentence_dating import Part, sentence_parts
from viewer.core.events.sentence_repeats import SentenceRepeats
from viewer.core.events.shared_values import Shared
from viewer.core.events.title_parties import TitleData, title_data
from viewer.core.events.topics import Taxonomy
from viewer.core.model import Document, Sentence
from viewer.core.timex import Timex

BLOCK = 32  # sentences read per stage before the loop takes them (see the module's note)

# Per part: its text (pooled), parties, topics, reasons and event id.
PartLabels = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], str]
# Its modality cues and clause words (offsets into the sentence; clause words only where
# there are cues), and whether it holds a role's word.
CueReading = tuple[list[tuple[int, int]] | None, list[tuple[int, int]] | None, bool]
# Its person names and, where it holds a role's word, its roles.
PeopleReading = tuple[tuple[PersonMention, ...], tuple[PersonMention, ...]]
# Per sentence that reports: its number, text, the durations among its time expressions, its
# dated parts, party mentions, mentions and references in text order, its cues, its parts'
# labels, and its people.
Reading = tuple[int, str, list[Timex], list[Part], list[Mention], list[Mention], CueReading,
                list[PartLabels], PeopleReading]


def sentence_readings(doc: Document, timexes: list[Timex], gazetteer: Gazetteer,
                      taxonomy: Taxonomy, found_cues: DocumentCues, share: Shared,
                      block: int = BLOCK, titles: TitleData | None = None
                      ) -> Iterator[Reading]:
    """Each sentence of `doc` that reports something, in order, with what the loop reads of
    it; worked out a block of sentences and a stage at a time. `titles`: the folder's (the
    speaker rules hold them), else the bundled ones."""
    titles = titles or title_data(None)
    text, sentences = doc.text, doc.sentences
    repeats = SentenceRepeats(lambda n: " ".join(doc.sentence_text(sentences[n]).split()))
    # (the pair words' places come from the document's cue pass, which folded the text once;
    # read here only where that pass could not hold them)
    pair_at = found_cues.starts(PAIR)
    parties_so_far = PartyContext(gazetteer, text, pair_at=pair_at if pair_at is not None else
                                  pair_word_starts(gazetteer.pair_firsts, text))
    reasons: TopicReasons = {}  # worked out once per document
    ids = DocumentIds(doc.relpath)
    index = 0  # the first expression that may reach into the sentence at hand
    for first in range(0, len(sentences), block):
        # Which sentences report, their words' id key and their time expressions.
        numbers: list[int] = []
        texts: list[str] = []
        keys: list[tuple[str, int]] = []  # the normalised text and its repeat
        founds: list[list[Timex]] = []
        for number in range(first, min(first + block, len(sentences))):
            sentence = sentences[number]
            start, end = sentence.start, sentence.end
            while index < len(timexes) and timexes[index].end <= start:
                index += 1
            said = text[start:end]
            words = said.split()  # (split once: the test and the event id both read them)
            if not sentence_reports(doc, sentence, said.strip(), words):
                continue
            normal = " ".join(words)
            numbers.append(number)
            texts.append(said)
            keys.append((normal, repeats.seen(normal, number)))
            found = []
            scan = index
            while scan < len(timexes) and timexes[scan].start < end:
                found.append(timexes[scan])
                scan += 1
            founds.append(found)
        durations = [[t for t in found if t.type == "DURATION"] if found else []
                     for found in founds]
        parts = [sentence_parts(doc, sentences[n], found, lasting)
                 for n, found, lasting in zip(numbers, founds, durations, strict=True)]
        # Party mentions, then each part's labels (found once per sentence, reused per part).
        mentions: list[list[Mention]] = []
        referring: list[list[Mention]] = []
        for number in numbers:
            sentence = sentences[number]
            named, refer = parties_so_far.read(
                sentence.start, sentence.end, sentence.boilerplate is None,
                found_cues.find(REFERENCE, sentence.start, sentence.end))
            mentions.append(named)
            referring.append(refer)
        # In text order (the gazetteer's own are: only references need sorting in), for the
        # name finder and the speaker pass; neither changes it.
        ordered = [sorted((*named, *refer), key=mention_start) if refer else named
                   for named, refer in zip(mentions, referring, strict=True)]
        looked_up = [_cues_of(found_cues, sentences[n].start, sentences[n].end)
                     for n in numbers]
        # People: names read against the mentions in text order, roles where a role's word is.
        spans = [(sentences[n].start, sentences[n].end) for n in numbers]
        names = people_by_sentence(text, spans, ordered, gazetteer, titles)
        roles = [role_mentions(text, start, end, named, titles.roles) if cued[2] else ()
                 for (start, end), named, cued in zip(spans, mentions, looked_up, strict=True)]
        labels = [_part_labels(doc, sentences[n], said, (*named, *refer), its_parts, key,
                               taxonomy, reasons, share, ids)
                  for n, said, named, refer, its_parts, key
                  in zip(numbers, texts, mentions, referring, parts, keys, strict=True)]
        yield from zip(numbers, texts, durations, parts, mentions, ordered, looked_up, labels,
                       zip(names, roles, strict=True), strict=True)


def modality_cues_of(found_cues: DocumentCues, start: int, end: int
                     ) -> tuple[list[tuple[int, int]] | None, list[tuple[int, int]] | None]:
    """The modality cues of text[start:end] and, where it has some, its clause words (offsets
    into that slice; None where the cue pass cannot tell: `modality.decide` then runs its
    expressions)."""
    modality = found_cues.within(MODALITY, start, end)
    return modality, found_cues.within(CLAUSE, start, end) if modality else None


def _cues_of(found_cues: DocumentCues, start: int, end: int) -> CueReading:
    """The sentence's modality cues, its clause words if it has cues, and whether it holds a
    role's word."""
    modality = found_cues.within(MODALITY, start, end)
    return (modality, found_cues.within(CLAUSE, start, end) if modality else None,
            found_cues.find(ROLE, start, end) != [])


def _part_labels(doc: Document, sentence: Sentence, said: str, every: tuple[Mention, ...],
                 parts: list[Part], key: tuple[str, int], taxonomy: Taxonomy,
                 reasons: TopicReasons, share: Shared, ids: DocumentIds) -> list[PartLabels]:
    """Each part's text, parties, topics, reasons and event id."""
    start, end = sentence.start, sentence.end
    labels = SentenceLabels(said, every, taxonomy, reasons, share)
    out: list[PartLabels] = []
    text = doc.text
    normal, occurrence = key
    for part_number, part in enumerate(parts):
        whole = part.start == start and part.end == end
        span_text = share[said if whole else text[part.start : part.end]]
        parties, topics, why = labels.of_part(text, part.start, part.end, whole, span_text)
        out.append((span_text, parties, topics, why,
                    ids.of(normal, occurrence, part_number)))
    return out
