"""The exam room's rules without a page: Node requires the pure modules (practice/rules.js and
practice/queue.js with the vendored ts-fsrs) and prints JSON; Python checks it. The weights split,
all-or-nothing marking, the readiness verdicts, and the review queue driven through its intervals
with a fixed clock."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT

JS = ROOT / "docs" / "assets" / "javascripts"


def node(script: str):
    """Run `script` in Node with `rules`, `queue` and `FSRS` in scope; return what it prints as JSON."""
    binary = shutil.which("node")
    assert binary, "Node is needed to test the exam room's rules (node 20 or later on PATH)"
    prelude = (f"const rules = require({json.dumps(str(JS / 'practice/rules.js'))});"
               f"const queue = require({json.dumps(str(JS / 'practice/queue.js'))});"
               f"const FSRS = require({json.dumps(str(JS / 'vendor/ts-fsrs/index.umd.js'))});")
    done = subprocess.run([binary, "-e", prelude + script], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_draw_follows_the_weights_at_any_length():
    splits = node("""const d = [30, 26, 22, 22].map((weight, i) => ({ id: 'd' + i, weight }));
        console.log(JSON.stringify([65, 6, 10, 1].map(n => rules.split(d, n))));""")
    assert splits == [[20, 17, 14, 14], [2, 2, 1, 1], [3, 3, 2, 2], [1, 0, 0, 0]]


def test_a_short_draw_is_seeded_and_in_the_weights():
    out = node("""const questions = [];
        ['a', 'b'].forEach(domain => { for (let i = 0; i < 20; i++) questions.push({ id: domain + i, domain, options: ['w', 'x', 'y', 'z'] }); });
        const bank = { exam: { questions: 65, domains: [{ id: 'a', weight: 50 }, { id: 'b', weight: 50 }] }, questions };
        const one = rules.draw(bank, 7, 0, 6), two = rules.draw(bank, 7, 0, 6);
        console.log(JSON.stringify({ ids: one.map(i => i.id), same: JSON.stringify(one) === JSON.stringify(two),
                                     some: rules.drawIds(bank, 1, ['a3', 'b5', 'zz']).map(i => i.id).sort() }));""")
    assert len(out["ids"]) == 6 and out["same"]
    assert sum(i.startswith("a") for i in out["ids"]) == 3
    assert out["some"] == ["a3", "b5"]


def test_multiple_response_is_all_or_nothing():
    marks = node("""const q = { answer: ['A', 'C'] };
        console.log(JSON.stringify([[0, 2], [2, 0], [0], [0, 1, 2], [], [1, 3]].map(c => rules.isRight(q, c))));""")
    assert marks == [True, True, False, False, False, False]


def test_the_verdict_counts_only_full_first_sittings():
    verdicts = node("""const full = (score, extra) => Object.assign({ kind: 'mock', total: 65, score, mock: 0 }, extra || {});
        const v = a => rules.verdict(a, 65, 720);
        console.log(JSON.stringify([
          v([]),
          v([full(640)]),
          v([full(760)]),
          v([full(820), full(830), full(850)]),
          v([full(820), full(830), full(850, { resat: true })]),
          v([full(820), full(830), full(850), { kind: 'retake', total: 6, score: 100 }]),
          v([full(820), full(830), { kind: 'mock', total: 6, score: 1000 }]),
        ].map(x => x.level)));""")
    assert verdicts == ["none", "not-yet", "nearly", "ready", "nearly", "ready", "nearly"]


def test_weakest_tasks_need_five_answers_and_come_lowest_first():
    weak = node("""const answers = {};
        const add = (task, n, right) => { for (let i = 0; i < n; i++) answers[task + '-' + i + '-' + right] = { task, last: right }; };
        add('1.1', 4, false); add('1.1', 1, true);   // 20% of 5
        add('2.1', 3, false); add('2.1', 3, true);   // 50% of 6
        add('3.1', 4, false);                       // only 4 answered: left out
        add('4.1', 5, true);                        // 100%
        console.log(JSON.stringify(rules.weakestTasks(answers, 5, 3).map(t => [t.task, t.percent])));""")
    assert weak == [["1.1", 20], ["2.1", 50], ["4.1", 100]]


def test_the_review_filter():
    kept = node("""const byId = { a: { domain: 'x', task: '1.1' }, b: { domain: 'y', task: '2.1' }, c: { domain: 'x', task: '1.2' } };
        const items = [{ id: 'a', right: false, flagged: true }, { id: 'b', right: true, flagged: true }, { id: 'c', right: false }];
        console.log(JSON.stringify(['all', 'wrong', 'flagged', 'domain:x', 'task:2.1'].map(f => rules.filterItems(items, byId, f).map(i => i.id))));""")
    assert kept == [["a", "b", "c"], ["a", "c"], ["a", "b"], ["a", "c"], ["b"]]


def test_the_review_queue_through_its_intervals_with_a_fixed_clock():
    steps = node("""const HOUR = 3600e3, DAY = 24 * HOUR;
        const t0 = new Date('2026-03-01T09:00:00Z');
        const at = ms => new Date(t0.getTime() + ms);
        const log = [];
        const look = (q, when, label) => { const d = queue.due(q, when, FSRS);
          log.push({ label, now: d.now, later: d.later, next: d.next && d.next.toISOString(), retired: q.retired }); };
        let q = queue.empty();
        q = queue.answer(q, 'right-first', true, t0);           // right at once: never queued
        q = queue.answer(q, 'x', false, t0);                    // a miss enters the queue
        look(q, at(HOUR), 'an hour later');
        const first = queue.due(q, at(HOUR), FSRS).next;
        look(q, first, 'at its interval');
        q = queue.answer(q, 'x', true, first);                  // right once
        look(q, at(first - t0 + HOUR), 'an hour after the first right answer');
        const second = queue.due(q, first, FSRS).next;
        look(q, second, 'at its next interval');
        q = queue.answer(q, 'x', false, second);                // a miss resets the count
        const third = queue.due(q, second, FSRS).next;
        q = queue.answer(q, 'x', true, third);
        look(q, third, 'right once after the reset');
        const fourth = queue.due(q, third, FSRS).next;
        q = queue.answer(q, 'x', true, fourth);                 // right twice in a row: retired
        look(q, at(400 * DAY), 'retired');
        console.log(JSON.stringify({ log, gaps: [first - t0, second - first, third - second].map(ms => ms / DAY) }));""")
    log = {step["label"]: step for step in steps["log"]}
    assert log["an hour later"]["now"] == [] and log["an hour later"]["later"] == ["x"], "not due an hour after the miss"
    assert log["at its interval"]["now"] == ["x"], "due after the interval"
    assert log["an hour after the first right answer"]["now"] == [], "a right answer puts it off"
    assert log["at its next interval"]["now"] == ["x"]
    first, second, third = steps["gaps"]
    assert first >= 1 and second > first, f"the interval grows after a right answer: {steps['gaps']}"
    assert third <= second, "a miss brings it back sooner"
    assert log["right once after the reset"]["later"] == ["x"] and log["right once after the reset"]["retired"] == 0, \
        "after a miss, one right answer is not enough to leave"
    assert log["retired"]["now"] == [] and log["retired"]["later"] == [] and log["retired"]["retired"] == 1


@pytest.mark.parametrize("module", ["rules.js", "queue.js"])
def test_pure_modules_touch_no_page_and_no_clock(module):
    text = (JS / "practice" / module).read_text(encoding="utf-8")
    assert "document." not in text and "Date.now" not in text and "new Date()" not in text
