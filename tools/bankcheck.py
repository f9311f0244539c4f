"""Does the question bank give its answers away? What a guesser who knows no AWS scores with each
simple strategy, over the whole bank, and the shape checks the bank must pass (size per task
statement and service, judgement questions, multiple response). `tests/test_bank.py` asserts the
limits below; `python tools/bankcheck.py` (and `bash .ci/benchmark bank`) prints every figure.

The strategies, each scored as the share of single-answer questions it gets right (chance: 25%):

- the k-th longest option, for each k (ties share the credit);
- the option at each position, A to D;
- avoiding absolute words ("always", "never", "only", ...): a guess among the options without one;
- the option that repeats the most words of the stem.

For multiple-response questions, the same is reported for the best set of length ranks (chance
depends on how many options and answers a question has, so it is printed, not asserted).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.models import LETTERS, Question  # noqa: E402

CHANCE = 0.25
# How far above chance a strategy may score before the bank gives answers away (the issue asked
# for "a few points").
TELL_MARGIN = 0.05
MIN_PER_TASK = 25
MIN_PER_SERVICE = 3
MIN_JUDGEMENT_SHARE = 1 / 3
MULTIPLE_RESPONSE_SHARE = (0.15, 0.25)

ABSOLUTE = re.compile(r"\b(always|never|only|must|all|none|cannot|every|any)\b", re.I)
# A stem that sets a requirement deciding between options that all work.
REQUIREMENT = re.compile(
    r"\b(MOST|LEAST|FEWEST|lowest|fewest|least privilege|least operational|least effort|least amount|"
    r"cheapest|fastest|most cost|most secure|most efficient|smallest|quickest|simplest|minimal|minimum)\b",
    re.I,
)
_WORD = re.compile(r"[a-z0-9][a-z0-9.-]*", re.I)
_STOP = frozenset("a an the of to in on for and or with by is are be it its this that which what from at as "
                  "they their them each so do does not no can will".split())


def _single(questions: list[Question]) -> list[Question]:
    return [q for q in questions if len(q.answer) == 1 and len(q.options) == 4]


def _ranks(q: Question) -> list[float]:
    """Each option's length rank (0 = longest); tied options share the mean of their ranks."""
    lengths = [len(o.text) for o in q.options]
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    ranks = [0.0] * len(lengths)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and lengths[order[j + 1]] == lengths[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def length_rank_scores(questions: list[Question]) -> list[float]:
    """The share a guesser gets by always picking the k-th longest option, k = 1..4."""
    single = _single(questions)
    scores = [0.0] * 4
    for q in single:
        lengths = [len(o.text) for o in q.options]
        right = LETTERS.index(q.answer[0])
        for k in range(4):
            kth = sorted(lengths, reverse=True)[k]
            tied = [i for i, n in enumerate(lengths) if n == kth]
            scores[k] += (right in tied) / len(tied)
    return [s / max(len(single), 1) for s in scores]


def position_scores(questions: list[Question]) -> list[float]:
    single = _single(questions)
    counts = Counter(q.answer[0] for q in single)
    return [counts[letter] / max(len(single), 1) for letter in LETTERS[:4]]


def absolute_word_score(questions: list[Question]) -> float:
    """A guess among the options without an absolute word (among all of them if every option, or
    none, has one)."""
    single, total = _single(questions), 0.0
    for q in single:
        plain = [i for i, o in enumerate(q.options) if not ABSOLUTE.search(o.text)] or list(range(4))
        total += (LETTERS.index(q.answer[0]) in plain) / len(plain)
    return total / max(len(single), 1)


def _words(text: str) -> set[str]:
    return {w.lower().strip(".-") for w in _WORD.findall(text)} - _STOP


def stem_overlap_score(questions: list[Question]) -> float:
    """A guess among the options that share the most words with the stem."""
    single, total = _single(questions), 0.0
    for q in single:
        stem = _words(q.stem)
        shared = [len(stem & _words(o.text)) for o in q.options]
        best = [i for i, n in enumerate(shared) if n == max(shared)]
        total += (LETTERS.index(q.answer[0]) in best) / len(best)
    return total / max(len(single), 1)


def multiple_response_length_tell(questions: list[Question]) -> tuple[float, float]:
    """For "choose two" questions with five options: the share a guesser gets with the best fixed
    pair of length ranks, and chance (1 in 10)."""
    pairs = [q for q in questions if len(q.answer) == 2 and len(q.options) == 5]
    if not pairs:
        return 0.0, 0.1
    best = 0.0
    for chosen in combinations(range(5), 2):
        hits = 0
        for q in pairs:
            order = sorted(range(5), key=lambda i: (-len(q.options[i].text), i))
            hits += {order[k] for k in chosen} == {LETTERS.index(a) for a in q.answer}
        best = max(best, hits / len(pairs))
    return best, 0.1


def judgement_share(questions: list[Question]) -> float:
    return sum(bool(REQUIREMENT.search(q.stem)) for q in questions) / max(len(questions), 1)


def multiple_response_share(questions: list[Question]) -> float:
    return sum(len(q.answer) > 1 for q in questions) / max(len(questions), 1)


@dataclass
class Report:
    strategies: dict[str, float]
    judgement: float
    multiple: float
    choose_three: int
    pair_tell: tuple[float, float]


def report(questions: list[Question]) -> Report:
    strategies = {f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'} longest option": s
                  for n, s in enumerate(length_rank_scores(questions), start=1)}
    strategies.update({f"always {letter}": s for letter, s in zip(LETTERS, position_scores(questions))})
    strategies["avoid absolute words"] = absolute_word_score(questions)
    strategies["most words shared with the stem"] = stem_overlap_score(questions)
    return Report(strategies, judgement_share(questions), multiple_response_share(questions),
                  sum(len(q.answer) == 3 for q in questions), multiple_response_length_tell(questions))


def tells(questions: list[Question]) -> list[str]:
    """The strategies that beat chance by more than the margin."""
    return [f"{name}: {score:.1%} (chance {CHANCE:.0%})" for name, score in report(questions).strategies.items()
            if score > CHANCE + TELL_MARGIN]


def shape_problems(data, questions: list[Question]) -> list[str]:
    """Size per task statement and per in-scope service, judgement share, multiple-response share."""
    problems = []
    per_task = Counter(q.task for q in questions)
    problems += [f"task {t}: {per_task[t]} questions (at least {MIN_PER_TASK})" for t in data.exam.tasks if per_task[t] < MIN_PER_TASK]
    per_service = Counter(s for q in questions for s in q.services)
    problems += [f"service {s}: {per_service[s]} questions (at least {MIN_PER_SERVICE})"
                 for s, service in data.services.items() if service.in_scope and per_service[s] < MIN_PER_SERVICE]
    if judgement_share(questions) < MIN_JUDGEMENT_SHARE:
        problems.append(f"{judgement_share(questions):.0%} of stems set a requirement (at least {MIN_JUDGEMENT_SHARE:.0%})")
    low, high = MULTIPLE_RESPONSE_SHARE
    if not low <= multiple_response_share(questions) <= high:
        problems.append(f"{multiple_response_share(questions):.0%} multiple response (between {low:.0%} and {high:.0%})")
    return problems


def print_report(questions: list[Question]) -> None:
    r = report(questions)
    single = len(_single(questions))
    print(f"\nQuestion bank: {len(questions)} questions, {single} with one answer among four")
    print(f"What a guesser scores on single-answer questions (chance {CHANCE:.0%}, limit {CHANCE + TELL_MARGIN:.0%}):")
    for name, score in r.strategies.items():
        print(f"  {name:<34} {score:6.1%}{'  TELL' if score > CHANCE + TELL_MARGIN else ''}")
    best, chance = r.pair_tell
    print(f"  choose two: best pair of length ranks {best:.1%} (chance {chance:.0%})")
    print(f"Stems that set a requirement: {r.judgement:.1%} (at least {MIN_JUDGEMENT_SHARE:.0%})")
    print(f"Multiple response: {r.multiple:.1%} ({r.choose_three} choose three)")


def main() -> int:
    from macros.datafiles import load_site_data
    from project import data_dir

    data = load_site_data(data_dir())
    questions = list(data.questions.values())
    print_report(questions)
    for problem in tells(questions) + shape_problems(data, questions):
        print("PROBLEM:", problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
