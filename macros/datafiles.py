"""Read the data files, once, into a validated `SiteData`, or fail with a message that names the
file, the line, the record and the field.

PyYAML keeps the last of two equal keys without a word, so each file is composed into nodes, which
are walked to refuse duplicate keys and remember the line of every value, then constructed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml
from pydantic import BaseModel, ValidationError

from .models import BOUNDS, ExamFile, LimitsFile, QuestionsFile, SelfTestFile, ServicesFile, SiteData

Path_ = tuple  # a path into the data: ("limits", 3, "verified")

# libyaml's parser when PyYAML was built with it (the wheels are): the data is read on every build.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """Bad input in a data file. The message is meant for the person who edits the file."""


class YamlDocument:
    """One data file: its parsed value, and the line where each value starts."""

    def __init__(self, path: Path, label: str):
        self.label = label
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(f"{label}: cannot read the file: {err.strerror}") from None
        # One parse: the node tree gives lines and duplicate keys, then becomes the data.
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            self.data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError as err:
            raise DataError(f"{label}: {_yaml_problem(err)}") from None
        finally:
            loader.dispose()
        self.lines: dict[Path_, int] = {}
        if node is not None:
            self._walk(node, ())
        if not isinstance(self.data, dict):
            raise DataError(f"{label}: expected a mapping at the top of the file")

    def _walk(self, node: yaml.Node, path: Path_) -> None:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise DataError(
                        f"{self.label}:{line}: {self.describe(path)}: duplicate key {key!r} "
                        f"(first given on line {seen[key]}); YAML would silently keep only the last"
                    )
                seen[key] = line
                self._walk(value_node, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, path + (index,))

    def line_of(self, path: Path_) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def describe(self, path: Path_) -> str:
        """`limits[3] (id 'sqs.retention'), field 'verified'` for a path into the data."""
        if not path:
            return "top level"
        text, rest = str(path[0]), path[1:]
        if rest and isinstance(rest[0], int):
            text += f"[{rest[0]}]"
            record = _get(self.data, path[:2])
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                text += f" (id {record['id']!r})"
            rest = rest[1:]
        if rest:
            text += ", field " + repr(".".join(str(part) for part in rest))
        return text

    def where(self, path: Path_) -> str:
        line = self.line_of(path)
        return f"{self.label}:{line}" if line else self.label

    def error(self, path: Path_, problem: str) -> DataError:
        return DataError(f"{self.where(path)}: {self.describe(path)}: {problem}")

    def validate(self, model: type[BaseModel]) -> Any:
        try:
            return model.model_validate(self.data)
        except ValidationError as err:
            problems = [self._explain(e) for e in err.errors(include_url=False)]
            raise DataError("\n".join(_unique(problems))) from None

    def _explain(self, error: dict) -> str:
        loc = tuple(error["loc"])
        path = self._data_path(loc)
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against macros/models.py)"
        elif error["type"] == "missing":
            message = "required field is missing"
        return f"{self.where(path)}: {self.describe(path)}: {message}"

    def _data_path(self, loc: Path_) -> Path_:
        """Drop the parts of a pydantic location that name union members rather than data."""
        path: list = []
        node: Any = self.data
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier() and len(path) == len(loc) - 1:
                path.append(part)  # a missing field: name it
                break
            else:
                continue
            path.append(part)
        return tuple(path)


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _yaml_problem(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return f"{where}YAML syntax error: {problem}"


def _require_known(doc: YamlDocument, path: Path_, values: list, known: Iterable[str], what: str) -> None:
    """Each of a list field's values must be one of `known`; the first that is not is the error."""
    for position, value in enumerate(values):
        if value not in known:
            raise _unknown(doc, (*path, position), what, value, known)


def _index(
    doc: YamlDocument, items: list, list_name: str, what: str, check: Callable[[Any, int], None] | None = None
) -> dict:
    """Items by id; a second record with the same id is an error naming both lines."""
    by_id: dict = {}
    for index, item in enumerate(items):
        if item.id in by_id:
            first = doc.line_of((list_name, by_id[item.id][0]))
            raise doc.error((list_name, index, "id"), f"duplicate {what} id {item.id!r} (first defined on line {first})")
        by_id[item.id] = (index, item)
        if check:
            check(item, index)
    return {key: item for key, (_, item) in by_id.items()}


def _unknown(doc: YamlDocument, path: Path_, what: str, value: str, known: Iterable[str]) -> DataError:
    known = sorted(known)
    hint = ", ".join(known) if len(known) <= 12 else ", ".join(known[:12]) + ", ..."
    return doc.error(path, f"unknown {what} {value!r}; known: {hint}")


def _label(path: Path, label_root: Path | None) -> str:
    return str(path.relative_to(label_root)) if label_root and path.is_relative_to(label_root) else str(path)


def _document(data_dir: Path, name: str, label_root: Path | None) -> YamlDocument:
    path = Path(data_dir) / name
    return YamlDocument(path, _label(path, label_root))


_CACHE: dict = {}


def load_site_data(data_dir: Path, label_root: Path | None = None, questions_file: Path | None = None) -> SiteData:
    """Load and cross-check `exam.yml`, `services.yml`, `limits.yml` and `questions.yml` (when there
    is one) from `data_dir`; `questions_file` reads the questions from elsewhere (a draft).

    One build asks three times (the macros, the exports, the print footer): the files are read again
    only when one of them changed, so `mkdocs serve` still sees every edit."""
    data_dir = Path(data_dir)
    files = sorted(data_dir.glob("*.yml")) + ([Path(questions_file)] if questions_file else [])
    key = (data_dir.resolve(), label_root, questions_file,
           tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists()))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _load(data_dir, label_root, questions_file)
    return _CACHE[key]


def _load(data_dir: Path, label_root: Path | None, questions_file: Path | None) -> SiteData:

    def document(name: str) -> YamlDocument:
        return _document(data_dir, name, label_root)

    exam_doc, services_doc, limits_doc = document("exam.yml"), document("services.yml"), document("limits.yml")
    exam = exam_doc.validate(ExamFile).exam
    services_file = services_doc.validate(ServicesFile)
    limits_file = limits_doc.validate(LimitsFile)

    domains = {d.id for d in exam.domains}
    categories = _index(services_doc, services_file.categories, "categories", "category")

    def check_service(service, index):
        if service.category not in categories:
            raise _unknown(services_doc, ("services", index, "category"), "category", service.category, categories)
        _require_known(services_doc, ("services", index, "domains"), service.domains, domains, "exam domain")

    services = _index(services_doc, services_file.services, "services", "service", check_service)
    pages = {}
    for index, service in enumerate(services_file.services):
        if service.page in pages:
            raise services_doc.error(("services", index, "page"), f"page {service.page!r} is already the page of {pages[service.page]!r}")
        pages[service.page] = service.id

    topics = _index(limits_doc, limits_file.topics, "topics", "topic")

    def check_limit(limit, index):
        if limit.service not in services:
            raise _unknown(limits_doc, ("limits", index, "service"), "service", limit.service, services)
        if limit.id.split(".")[0] != limit.service:
            raise limits_doc.error(("limits", index, "id"), f"id must start with its service id '{limit.service}.'")
        if limit.topic is not None and limit.topic not in topics:
            raise _unknown(limits_doc, ("limits", index, "topic"), "topic", limit.topic, topics)

    limits = _index(limits_doc, limits_file.limits, "limits", "limit", check_limit)
    for index, limit in enumerate(limits_file.limits):
        for position, related in enumerate(limit.related):
            if related not in limits:
                raise limits_doc.error(("limits", index, "related", position), f"related id {related!r} is not a limit in this file")

    questions, mocks = {}, 0
    questions_path = Path(questions_file) if questions_file else data_dir / "questions.yml"
    if questions_path.exists():
        questions_doc = YamlDocument(questions_path, _label(questions_path, label_root))
        questions_file = questions_doc.validate(QuestionsFile)
        questions = _index(questions_doc, questions_file.questions, "questions", "question",
                           _question_check(questions_doc, exam, services, limits))
        _check_mocks(questions_doc, exam, questions_file)
        mocks = questions_file.mocks

    refs = []
    for d, domain in enumerate(exam.domains):
        for t, task in enumerate(domain.tasks):
            for i, skill in enumerate(task.skills):
                for n, ref in enumerate(skill.teach):
                    path = ("exam", "domains", d, "tasks", t, "skills", i, "teach", n)
                    refs.append((ref, f"{exam_doc.where(path)}: exam skill {skill.id}, field 'teach[{n}]'"))
    for g, group in enumerate(exam.in_scope):
        for s, entry in enumerate(group.services):
            if entry.page:
                path = ("exam", "in_scope", g, "services", s, "page")
                refs.append((entry.page, f"{exam_doc.where(path)}: in-scope service {entry.name!r}, field 'page'"))
    if questions_path.exists():
        for index, question in enumerate(questions.values()):
            for n, ref in enumerate(question.teach):
                path = ("questions", index, "teach", n)
                refs.append((ref, f"{questions_doc.where(path)}: question {question.id!r}, field 'teach[{n}]'"))
    self_tests = {}
    selftest_path = data_dir / "selftest.yml"
    if selftest_path.exists():
        selftest_doc = YamlDocument(selftest_path, _label(selftest_path, label_root))
        card_lines: dict[str, int] = {}
        for p, entry in enumerate(selftest_doc.validate(SelfTestFile).pages):
            if entry.page in self_tests:
                raise selftest_doc.error(("pages", p, "page"), f"page {entry.page!r} is listed twice")
            self_tests[entry.page] = tuple(entry.cards)
            refs.append((f"{entry.page}#self-test", f"{selftest_doc.where(('pages', p, 'page'))}: self-test page {entry.page!r}, "
                                                     "field 'page' (the page needs a '## Self-test' heading)"))
            for c, card in enumerate(entry.cards):
                path = ("pages", p, "cards", c)
                if card.id in card_lines:
                    raise selftest_doc.error((*path, "id"), f"duplicate self-test card id {card.id!r} (first defined on line {card_lines[card.id]})")
                card_lines[card.id] = selftest_doc.line_of((*path, "id"))
                for field in ("question", "answer"):
                    check_limit_calls(selftest_doc, (*path, field), getattr(card, field), limits)
    return SiteData(exam=exam, categories=categories, services=services, topics=topics, limits=limits,
                    questions=questions, mocks=mocks, self_tests=self_tests, section_refs=refs)


# `{{ limit('id') }}` inside text from the data: the only macro that text may call.
LIMIT_CALL = re.compile(r"\{\{\s*limit\(\s*'([^']+)'\s*\)\s*\}\}")


def limit_calls(text: str) -> list[str]:
    """The limit ids a question's text asks for with `{{ limit('id') }}`."""
    return LIMIT_CALL.findall(text)


def _question_check(doc: YamlDocument, exam, services: dict, limits: dict):
    tasks, skills = exam.tasks, exam.skills

    def check(question, index):
        if question.task not in tasks:
            raise _unknown(doc, ("questions", index, "task"), "task statement", question.task, tasks)
        _require_known(doc, ("questions", index, "skills"), question.skills, skills, f"{exam.code} skill")
        _require_known(doc, ("questions", index, "services"), question.services, services, "service")
        texts = [("stem",), *[("options", n, field) for n in range(len(question.options)) for field in ("text", "why")]]
        for path in texts:
            value = question.stem if path == ("stem",) else getattr(question.options[path[1]], path[2])
            check_limit_calls(doc, ("questions", index, *path), value, limits)

    return check


def _check_mocks(doc: YamlDocument, exam, questions_file) -> None:
    """Each fixed mock exam holds the exam's number of questions, split by domain in the exam's
    weights, with every task statement present; a question names a mock the file has."""
    if exam.format is None:
        return
    wanted = exam.domain_split(exam.format.questions)
    members: dict[int, list[int]] = {}
    for index, question in enumerate(questions_file.questions):
        if question.mock is None:
            continue
        if question.mock > questions_file.mocks:
            raise doc.error(("questions", index, "mock"), f"mock {question.mock}, but the file declares mocks: {questions_file.mocks}")
        members.setdefault(question.mock, []).append(index)
    for mock in range(1, questions_file.mocks + 1):
        indexes = members.get(mock, [])
        where = ("questions", indexes[0], "mock") if indexes else ("mocks",)
        got = {d: sum(questions_file.questions[i].domain_number == n for i in indexes) for n, d in enumerate(wanted, start=1)}
        if got != wanted:
            detail = ", ".join(f"{d} {got[d]} (wants {wanted[d]})" for d in wanted if got[d] != wanted[d])
            raise doc.error(where, f"mock {mock} does not follow the exam's weights: {detail}; run tools/mocks.py")
        missing = sorted(set(exam.tasks) - {questions_file.questions[i].task for i in indexes})
        if missing:
            raise doc.error(where, f"mock {mock} has no question for task statement {', '.join(missing)}; run tools/mocks.py")


def check_limit_calls(doc: YamlDocument, path: Path_, value: str, limits: dict) -> None:
    """`{{ limit('id') }}` (or `id.min`, `.default`, `.max`) is the only macro data text may use, and
    the limit (and bound) must exist."""
    for ref in limit_calls(value):
        base, _, bound = ref.rpartition(".")
        if ref in limits:
            continue
        if bound in BOUNDS and base in limits:
            if getattr(limits[base], bound) is None:
                raise doc.error(path, f"limit {base!r} has no {bound!r} bound (in {{{{ limit('{ref}') }}}})")
            continue
        raise doc.error(path, f"unknown limit id {ref!r} in {{{{ limit() }}}}")
    if "{{" in value.replace("{{ limit(", ""):
        raise doc.error(path, "only {{ limit('id') }} may be used inside text from the data")
