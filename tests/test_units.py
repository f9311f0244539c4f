"""Units as candidates learn them: each limit keeps the unit of the AWS page it cites, and a value
that is a whole number of a bigger unit is also shown in it (8,760 hours (365 days)); a size or a
duration written any other way than AWS writes it is refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from project import data_dir
from macros import render
from macros.datafiles import load_site_data
from macros.models import SIZE_UNITS, TIME_UNITS, Limit, Quantity

SOURCE = "https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html"


def q(value, unit):
    return Quantity(value=value, unit=unit)


@pytest.mark.parametrize("value, unit, shown", [
    (8760, "hours", "8,760 hours (365 days)"),
    (168, "hours", "168 hours (7 days)"),
    (48, "hours", "48 hours (2 days)"),
    (1209600, "seconds", "1,209,600 seconds (14 days)"),
    (3600, "seconds", "3,600 seconds (1 hour)"),
    (300, "seconds", "300 seconds (5 minutes)"),
    (2880, "minutes", "2,880 minutes (2 days)"),
    (65536, "bytes", "65,536 bytes (64 KiB)"),
    (1048576, "bytes", "1,048,576 bytes (1 MiB)"),
    (10240, "MB", "10,240 MB (10 GB)"),
    (5000, "milliseconds", "5,000 milliseconds (5 seconds)"),
])
def test_a_whole_number_of_a_bigger_unit_is_shown_in_it_too(value, unit, shown):
    assert render.show_quantity(q(value, unit)) == shown


@pytest.mark.parametrize("value, unit", [
    (24, "hours"),      # one day: under two of the next unit, nothing to add
    (60, "seconds"),
    (1024, "bytes"),
    (36, "hours"),      # not a whole number of days
    (150, "minutes"),
    (1769, "MB"),
    (0.5, "GB"),
    (0, "seconds"),
    (10, "messages"),   # not a unit with a bigger one
    (14, "days"),       # days are as far as it goes
])
def test_nothing_is_added_otherwise(value, unit):
    assert render.equivalent(q(value, unit)) is None
    assert "(" not in render.show_quantity(q(value, unit))


def test_text_values_are_left_alone():
    assert render.equivalent("unlimited") is None and render.show_quantity("unlimited") == "unlimited"


def retention(**fields) -> Limit:
    record = dict(id="kinesis.retention", service="kinesis", name="Data retention period", unit="hours",
                  min=24, default=24, max=8760, adjustable=False, source=SOURCE, verified="2026-12-03")
    return Limit(**{**record, **fields})


def test_tables_and_inline_values_show_the_equivalent():
    limit = retention()
    assert render.limit_value(limit) == "min 24 hours, default 24 hours, max 8,760 hours (365 days)"
    assert render.referenced_value(limit, "max") == "8,760 hours (365 days)"
    assert render.referenced_value(limit, "min") == "24 hours"


def test_the_real_kinesis_retention_shows_days():
    data = load_site_data(data_dir())
    assert render.referenced_value(data.limits["kinesis.retention"], "max") == "8,760 hours (365 days)"


@pytest.mark.parametrize("unit", ["Mb", "kb", "MBs", "mib", "kilobytes", "megabytes", "secs", "sec", "hrs", "mins",
                                  "ms", "Days", "KB/sec", "MB/second", "requests/s", "GBytes"])
def test_sizes_and_durations_not_written_as_aws_does_are_refused(unit):
    with pytest.raises(ValidationError, match="unit"):
        retention(unit=unit)
    with pytest.raises(ValidationError, match="unit"):
        retention(max={"value": 1, "unit": unit})


@pytest.mark.parametrize("unit", ["MiB/s", "MB per second", "MiB per second per shard per consumer", "bytes", "KiB",
                                  "seconds", "day", "transactions per second per API action", "messages", "IOPS"])
def test_units_as_aws_writes_them_are_accepted(unit):
    retention(unit=unit)


def test_every_unit_in_the_data_is_in_the_allowed_sets():
    """Any unit of data/limits.yml that starts with a size or a duration starts with an allowed one
    (the model checks each record; this names every offender at once)."""
    from macros.models import _SIZE_OR_TIME

    data = load_site_data(data_dir())
    units = set()
    for limit in data.limits.values():
        units |= {limit.unit} | {b.unit for b in limit.bounds.values()} | {h.unit for h in limit.history}
    heads = {u.split(" ")[0].split("/")[0] for u in units if u}
    odd = {h for h in heads if _SIZE_OR_TIME.match(h) and h not in SIZE_UNITS + TIME_UNITS}
    assert odd == set()
    assert {"KiB", "MiB", "MB", "KB", "bytes", "hours", "seconds"} <= heads, "the check sees the real units"
