"""era_table= on the 和暦 functions, as C's hug_era_table: a new era in one call or from JSON."""

from __future__ import annotations

import datetime

import pytest

import hug_onboard as h


def test_the_builtin_table() -> None:
    t = h.EraTable.builtin()
    assert [e[0] for e in t.eras] == ["明治", "大正", "昭和", "平成", "令和"]
    assert t.eras[-1] == ("令和", "Reiwa", "R", datetime.date(2019, 5, 1))
    assert h.EraTable.from_json(t.to_json()) == t


def test_a_new_era_is_read_and_written_everywhere() -> None:
    t = h.EraTable.builtin().with_era("新元", "Shingen", "X", datetime.date(2090, 1, 1), aliases=["新"])
    d = datetime.date(2090, 2, 3)
    assert h.format_wareki(d, era_table=t) == "新元元年2月3日"
    assert h.format_wareki(d, "short", era_table=t) == "X1.2.3"
    assert h.format_wareki(d) == "令和72年2月3日"  # the built-in table is unchanged
    assert h.parse_wareki("新元2年1月1日", era_table=t) == datetime.date(2091, 1, 1)
    assert h.parse_wareki("X2.1.1", era_table=t) == datetime.date(2091, 1, 1)
    assert h.parse_wareki_partial("新元2年", era_table=t).year == 2091
    with pytest.raises(h.ValidationError) as e:
        h.parse_wareki("令和72年2月3日", era_table=t)  # past 令和's end in the new table
    assert e.value.code.startswith("wareki.")
    assert h.parse_wareki("令和72年2月3日", era_table=t, lenient=True) == d


def test_a_table_from_json_and_its_errors() -> None:
    t = h.EraTable.from_json(
        '[{"name":"平成","name_en":"Heisei","initial":"H","first_day":"1989-01-08"},'
        '{"name":"令和","name_en":"Reiwa","initial":"R","first_day":"2019-05-01"}]'
    )
    assert h.format_wareki(datetime.date(2019, 4, 30), era_table=t) == "平成31年4月30日"
    with pytest.raises(h.ValidationError) as e:
        h.format_wareki(datetime.date(1980, 1, 1), era_table=t)  # before the table's first era
    assert e.value.code.startswith("wareki.")
    for bad in ("{", "[]", '[{"name":"令和"}]'):
        with pytest.raises(h.ValidationError) as e:
            h.EraTable.from_json(bad)
        assert e.value.code == "wareki.invalid_era_table"
    with pytest.raises(h.ValidationError) as e:
        h.EraTable.builtin().with_era("令和", "Again", "Z", datetime.date(2090, 1, 1))  # name used twice
    assert e.value.code == "wareki.invalid_era_table"
    with pytest.raises(h.ValidationError) as e:
        h.EraTable.builtin().with_era("新元", "Shingen", "X", datetime.date(2019, 5, 1))  # same first day
    assert e.value.code == "wareki.invalid_era_table"
