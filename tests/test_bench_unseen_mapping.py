"""How the unseen-story scorer maps extracted topics to a story's topics: one-to-one (the
headline) and many-to-one (reported beside it)."""

from bench.unseen import merged_mapping, topic_mapping

PAIRS = [
    ({"tariffs"}, {"duties"}),
    ({"tariffs"}, {"duties", "rates"}),
    ({"tariffs"}, {"rates"}),
    ({"talks"}, {"round"}),
    ({"talks"}, {"round", "duties"}),
]


def test_one_to_one_gives_each_story_topic_to_one_extracted_topic() -> None:
    mapping = topic_mapping(PAIRS)
    assert mapping == {"duties": "tariffs", "round": "talks"}  # "rates" stays unpaired


def test_many_to_one_lets_a_split_topic_count_as_the_story_topic_it_shares_most_with() -> None:
    assert merged_mapping(PAIRS) == {"duties": "tariffs", "rates": "tariffs", "round": "talks"}


def test_ties_are_broken_by_name_so_both_mappings_are_deterministic() -> None:
    pairs = [({"a"}, {"x"}), ({"b"}, {"x"})]
    assert topic_mapping(pairs) == merged_mapping(pairs) == {"x": "a"}
