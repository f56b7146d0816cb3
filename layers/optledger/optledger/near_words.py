"""Words a slip of the thumb away from a fixed list: "texing" is "texting", "subscripcion" is "suscripcion".

A slip is one edit — a letter added, dropped, changed, or two neighbours swapped — or two from ten letters. Measuring
the distance to every word of the list costs a reply with an unknown word a few hundred microseconds in Python; the
list is instead indexed by its words with up to that many letters deleted ("texting" -> "exting", "txting", ...). Two
words a slip apart always share such a deletion (each edit costs at most one deleted letter on each side), so only the
few words that share one with the reply's word are measured, and the answer is the one a scan of the whole list gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

LONG = 10  # from ten letters ("unsubscribe", "suscripcion") two slips are still that word
_ENDS_MIN = 5  # from five letters a slip leaves two letters at one end of the word ("ddcc" -> "dcdc" does not)


def edits(word: str, target: str, bound: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), or ``bound + 1`` once it must exceed it."""
    previous2: list[int] = []
    previous = list(range(len(target) + 1))
    for i, char in enumerate(word, 1):
        current = [i] + [0] * len(target)
        for j, other in enumerate(target, 1):
            cost = char != other
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == target[j - 2] and word[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return min(previous[-1], bound + 1)


def _bound(target: str) -> int:
    return 2 if len(target) >= LONG else 1


def _deletions(word: str, most: int) -> set[str]:
    """The word with up to ``most`` letters deleted, the word itself included."""
    found = {word}
    for count in range(1, min(most, len(word)) + 1):
        found.update("".join(kept) for kept in combinations(word, len(word) - count))
    return found


class NearWords:
    """The words of a list, found by their nearest slip of the thumb."""

    def __init__(self, targets: Iterable[str]) -> None:
        self.order = {target: rank for rank, target in enumerate(dict.fromkeys(targets))}
        self.index: dict[str, list[str]] = {}
        # a word more than two letters longer than every target is no slip of one (nor is its deletions' count bounded)
        self.longest = max(map(len, self.order), default=0)
        for target in self.order:
            for deleted in _deletions(target, _bound(target)):
                self.index.setdefault(deleted, []).append(target)
        # a word one slip from a target shares its first two letters or its last two (a slip changes at most one
        # end of a word of five letters or more): the lengths of the one-slip targets by those ends; a target of
        # under five letters turns the test off
        self.ends: dict[str, set[int]] | None = {}
        for target in self.order:
            if _bound(target) == 1 and self.ends is not None:
                for end in (f"{target[:2]}<", f">{target[-2:]}"):
                    self.ends.setdefault(end, set()).add(len(target))
                self.ends = self.ends if len(target) >= _ENDS_MIN else None
        self.two_slips = min((len(target) for target in self.order if _bound(target) > 1), default=self.longest + 3)

    def __contains__(self, word: object) -> bool:
        return word in self.order

    def nearest(self, word: str) -> str | None:
        """The nearest word of the list within its slip bound; on a tie, the one listed first. The word may be two
        slips from a long word only if it has at least eight letters (it could not be within two of ten otherwise)."""
        if len(word) > self.longest + 2 or (len(word) < self.two_slips - 2 and not self._may_be_one_slip(word)):
            return None
        most = 2 if len(word) >= LONG - 2 else 1
        candidates = {target for deleted in _deletions(word, most) for target in self.index.get(deleted, ())}
        best, best_distance = None, 3
        for target in sorted(candidates, key=self.order.__getitem__):
            bound = _bound(target)
            if abs(len(target) - len(word)) > bound:
                continue
            if (distance := edits(word, target, bound)) <= bound and distance < best_distance:
                best, best_distance = target, distance
        return best

    def _may_be_one_slip(self, word: str) -> bool:
        """Whether a target of one slip shares the word's first two letters or last two and is within a letter of
        its length: most unknown words are none, and need no deletions listed."""
        if self.ends is None or len(word) < _ENDS_MIN - 1:
            return True
        near = {len(word) - 1, len(word), len(word) + 1}
        return not near.isdisjoint(self.ends.get(f"{word[:2]}<", ())) or not near.isdisjoint(
            self.ends.get(f">{word[-2:]}", ())
        )
