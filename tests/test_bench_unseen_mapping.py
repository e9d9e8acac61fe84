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


def test_misses_are_counted_by_class() -> None:
    from bench.topic_diagnosis import miss_classes
    pairs = [
        ({"tariffs"}, {"duties"}),  # right
        ({"tariffs", "talks"}, {"duties"}),  # a second topic missing
        ({"talks"}, set()),  # no topic at all
        ({"talks"}, {"round"}),  # right
        ({"vote"}, {"duties"}),  # other topics instead; duties paired, wrong here
        ({"tariffs"}, {"rates", "duties"}),  # rates unpaired
    ]
    classes = miss_classes(pairs, {"duties": "discovered", "rates": "discovered",
                                   "round": "built-in"})
    assert classes == {
        "missed: a second topic missing": 1, "missed: no topic at all": 1,
        "missed: other topics instead": 1, "wrong: discovered paired, wrong here": 1,
        "wrong: discovered unpaired": 1}


def test_the_article_oracle_gives_each_event_its_article_most_frequent_topic() -> None:
    from bench.topic_clustering import oracle_counts
    items = [
        {"doc": "a", "topics": ["tariffs"]},
        {"doc": "a", "topics": ["tariffs", "vote"]},
        {"doc": "a", "topics": ["vote", "tariffs"]},
        {"doc": "a", "topics": ["protest"]},
        {"doc": "b", "topics": []},
    ]
    # "a" → tariffs on all four: right three times, wrong once; vote twice and protest missed
    assert oracle_counts(items) == [3, 1, 3]


def test_the_subset_oracle_drops_a_found_topic_only_when_that_raises_f1() -> None:
    from bench.topic_clustering import best_subset_counts
    pairs = [
        ({"tariffs"}, {"duties", "cars"}),
        ({"tariffs"}, {"duties", "cars"}),
        ({"talks"}, {"round"}),
        ({"vote"}, {"cars"}),
    ]
    # "cars" takes tariffs from "duties" (a tie, broken by name), leaving duties wrong twice
    # and itself wrong on the vote event: without it duties is right twice, round once
    assert best_subset_counts(pairs) == [3, 0, 1]


def test_stories_fall_in_a_development_and_a_held_out_half_by_their_first_letter() -> None:
    from bench.unseen import half
    assert half("andes-border-wildfire") == half("mackerel-quota-talks") == "development (a-m)"
    assert half("nile-dam-talks") == half("Yemen-cholera") == "held out (n-z)"


def test_headings_no_found_topic_holds_half_of_are_counted_as_split() -> None:
    from bench.topic_diagnosis import heading_classes
    pairs = [
        ({"tariffs"}, {"duties"}), ({"tariffs"}, {"duties"}), ({"tariffs"}, {"rates"}),
        ({"talks"}, {"round"}), ({"talks"}, {"duties"}), ({"talks"}, {"meeting"}),
        ({"vote"}, set()),
    ]
    # tariffs: duties holds two of three; talks: no topic holds two of three; vote: none
    assert heading_classes(pairs) == {"headings": 3, "found topics": 4,
                                      "headings split or uncovered": 2}
