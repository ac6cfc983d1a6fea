"""Small readers of a text's surface that bot.kinds, bot.figures, bot.timewords and
bot.which_one share: its words and digits, runs of capitalised words, where a sentence starts,
the names of months and days, words that end an organisation's or a place's name, sums of money.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.lazyre import LazyPattern

# Patterns are compiled on first use (bot.lazyre): importing this costs `qa-bot ask` nothing.
WORDS = LazyPattern(r"[a-z0-9]+")
DIGIT = LazyPattern(r"\d")
# A sum of money: "£77m", "£ 5", "20 pounds", "50p".
A_SUM = LazyPattern(r"£\s?\d|\d\s?(?:pounds|p)\b")

# Alternatives for a regex: month names (then their short forms), the days of the week.
MONTHS = "|".join(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DAYS = "|".join("monday tuesday wednesday thursday friday saturday sunday".split())

# Words that make a run of capitalised words an organisation's or a place's name, not a
# person's ("Hertfordshire Constabulary", "Ashworth Amateur Swimming Club"); the last says which.
ORGANISATION_WORDS = frozenset(
    "Police Constabulary Council Authority Authorities Group Trust Hospital Centre Center "
    "Road Street Lane Avenue Ward Unit Pool Park Service Services Office Department Committee "
    "Board Company Limited Ltd Party Association Union Club School College University Games "
    "Charity Appeal Programme Fund Society Partnership Alliance Commission Centre Theatre "
    "Library Museum Church Cathedral Airport Bridge Square Market Forces Force Pupils "
    "Station Line Railway Court House Hall Church Bank Fund Foundation Agency "
    # a role or a branch of government, not someone's name ("Secretary of State for Local
    # Government")
    "Government State Secretary Ministry Minister Parliament Cabinet Communities".split()
)
# Words for places, in lower case: a text using one names a place.
PLACE_WORDS = frozenset(
    "road street lane avenue hall centre center building site town city village county room "
    "floor ward hospital station park square".split()
)

# Runs of capitalised words: "Janet Ormerod", "Ashworth Amateur Swimming Club".
_CAPITAL_RUN = LazyPattern("\\b[A-Z][a-z'\u2019]+(?: [A-Z][a-z'\u2019]+)+\\b")


def capital_runs(text: str) -> Iterator[list[str]]:
    """The runs of capitalised words in a text, each without a first word that is only
    capitalised as a sentence's start."""
    for found in _CAPITAL_RUN.finditer(text):
        run = found.group().split()
        yield run[1:] if starts_sentence(text, found.start()) else run


def starts_sentence(text: str, offset: int) -> bool:
    """Whether the word at `offset` begins a sentence (or a quotation, or follows a colon)."""
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?:"\u201c'


def without_possessive(word: str) -> str:
    """A word without its possessive ending: "Regal's" -> "Regal"."""
    return re.sub("['\u2019]s?$", "", word)
