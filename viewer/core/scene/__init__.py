"""Qt-free timeline layout: time to x, lanes, labels, density; hit-testing for the painter."""
