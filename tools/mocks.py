"""Fill the fixed mock exams, Mock 1 to N (`mocks:` at the top of data/questions.yml), by setting
each question's `mock`.

    python tools/mocks.py           # give questions without a mock to the mocks that lack some
    python tools/mocks.py --check   # exit 1 if a mock is short or off the weights

A question keeps its mock once given, so a candidate's results on Mock 3 stay comparable as the
bank grows: only a mock that lost a question (or a new mock) takes new ones. Each mock takes the
exam's number of questions split by domain in the exam's weights (`Exam.domain_split`, as the
random draw does); within a domain it takes the task statement it holds least of, relative to the
size of that task's pool, so every mock holds every task in about the bank's proportions. The
order within a task is a hash of the question id: stable, and not grouped by service as the ids
are. The loader (macros/datafiles.py) checks the result on every build.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from project import ROOT, data_dir

sys.path.insert(0, str(ROOT))
from macros.models import ExamFile, QuestionsFile  # noqa: E402


def assignment(exam, questions_file) -> dict[str, int]:
    """Every question id with its mock, the existing ones kept, the gaps filled."""
    total = exam.format.questions
    wanted = exam.domain_split(total)
    domain_of = {q.id: exam.domain_of(q.task).id for q in questions_file.questions}
    mock_of = {q.id: q.mock for q in questions_file.questions if q.mock}
    by_id = {q.id: q for q in questions_file.questions}
    for domain, quota in wanted.items():
        pool = sorted((q for q in questions_file.questions if domain_of[q.id] == domain and q.id not in mock_of),
                      key=lambda q: hashlib.sha1(q.id.encode()).hexdigest())
        sizes = Counter(q.task for q in questions_file.questions if domain_of[q.id] == domain)
        for mock in range(1, questions_file.mocks + 1):
            held = [i for i, m in mock_of.items() if m == mock and domain_of[i] == domain]
            tasks = Counter(by_id[i].task for i in held)
            while len(held) < quota:
                if not pool:
                    raise SystemExit(f"not enough {domain} questions for mock {mock}: the bank needs "
                                     f"{quota * questions_file.mocks} of them outside other mocks")
                task = min({q.task for q in pool}, key=lambda t: (tasks[t] / sizes[t], t))
                pick = next(q for q in pool if q.task == task)
                pool.remove(pick)
                mock_of[pick.id] = mock
                held.append(pick.id)
                tasks[task] += 1
    return mock_of


def rewritten(text: str, mock_of: dict[str, int]) -> str:
    """questions.yml with each question's `mock:` line set (after `verified:`, its last field)."""
    out, current = [], None
    for line in text.splitlines(keepends=True):
        found = re.match(r"  - id: (\S+)", line)
        if found:
            current = found.group(1)
        if re.match(r"    mock: ", line):
            continue
        out.append(line)
        if current and re.match(r"    verified: ", line) and current in mock_of:
            out.append(f"    mock: {mock_of[current]}\n")
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a mock needs filling")
    args = parser.parse_args()
    folder = data_dir()
    exam = ExamFile.model_validate(yaml.safe_load((folder / "exam.yml").read_text(encoding="utf-8"))).exam
    path = folder / "questions.yml"
    text = path.read_text(encoding="utf-8")
    questions_file = QuestionsFile.model_validate(yaml.safe_load(text))
    mock_of = assignment(exam, questions_file)
    new = rewritten(text, mock_of)
    if args.check:
        if new != text:
            print("data/questions.yml: some mock exams need questions: run python tools/mocks.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    counts = Counter(mock_of.values())
    print(f"{len(mock_of)} questions in {questions_file.mocks} mocks: " + ", ".join(f"Mock {m}: {counts[m]}" for m in sorted(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
