"""The per-国保連 rulebook registry from Python: lookup, sources, the facility's own rules as the default."""
import datetime
import json
import re
from pathlib import Path

import pytest

import hug_onboard as h
from hug_onboard.cli import main


def test_registry_has_47_and_every_code_resolves() -> None:
    books = h.Rulebook.registry()
    assert len(books) == 47
    assert [b.prefecture for b in books] == ["%02d" % n for n in range(1, 48)]
    for n in range(1, 48):
        assert h.Rulebook.for_prefecture(n) == books[n - 1]
        assert h.Rulebook.for_prefecture("%02d" % n).id == books[n - 1].id
    for bad in ("00", "48", 99, "ab", ""):
        with pytest.raises(h.ValidationError) as e:
            h.Rulebook.for_prefecture(bad)
        assert e.value.code == "rulebook.unknown_prefecture"
    for n in (-1, 10**30):
        with pytest.raises(h.ValidationError) as e:
            h.Rulebook.for_prefecture(n)
        assert e.value.code == "rulebook.unknown_prefecture"
    # True is an int to Python (1 = 北海道): no rulebook from a flag, nor from a
    # float or another object's str().
    for wrong in (True, False, 13.0, [13], None):
        with pytest.raises(TypeError):
            h.Rulebook.for_prefecture(wrong)  # type: ignore[arg-type]


def test_every_sourced_field_has_a_url() -> None:
    fields = set(h.Rulebook.field_paths())
    for rb in h.Rulebook.registry():
        for field, src in rb.sources.items():
            assert field in fields
            assert str(src["url"]).startswith(("https://", "http://"))
            assert src["kind"] in ("stated", "approximate")
            assert rb.field_basis(field) in ("sourced", "approximate")


def test_for_facility_and_bad_numbers() -> None:
    assert h.Rulebook.for_facility("2612345678").id == "kyoto"
    assert h.Rulebook.for_facility(h.FacilityNumber("４２１２３４５６７８")).id == "nagasaki"
    with pytest.raises(h.ValidationError) as e:
        h.Rulebook.for_facility("4812345678")
    assert e.value.code == "facility.unknown_prefecture"


def test_labels_say_sourced_or_unverified() -> None:
    assert h.Rulebook.for_prefecture(26).label() == "京都府国保連の規則（出典あり）"
    assert h.Rulebook.for_prefecture(13).label() == "東京都国保連の規則：既定値（未確認）"
    assert h.Rulebook.default().label() == "既定値（未確認）"
    assert h.Rulebook.for_prefecture(29).notes[0]["kind"] == "municipal_page"


def test_schedule_uses_the_facility_s_own_rules_and_an_explicit_rulebook_wins() -> None:
    s = h.billing_schedule(2026, 6, facility="2612345678")
    assert (s.payment_nominal_date, s.payment_date) == (datetime.date(2026, 8, 15), datetime.date(2026, 8, 14))
    assert s.payment_basis == "sourced"
    s = h.billing_schedule(2026, 6, h.Rulebook.default(), facility="2612345678")
    assert s.payment_date == datetime.date(2026, 8, 17)
    assert s.payment_basis == "unverified"
    nagano = h.billing_schedule(2026, 4, facility="2012345678")
    notice = [d for d in nagano.documents if d.kind == "payment_notice"][0]
    assert (notice.date, notice.basis) == (datetime.date(2026, 6, 6), "approximate")
    ev = [e for e in nagano.events() if e.document == "payment_notice"][0]
    assert ev.describe("ja").endswith("（6日頃）")
    cal = h.BillingCalendar(facility="4212345678")
    assert cal.schedule("2026-06").claim_window.closes.hour == 18


def test_readiness_reminders_and_batch_use_the_own_rules() -> None:
    today = datetime.date(2026, 11, 25)
    kyoto = h.Onboarding("2612345678")
    r = kyoto.readiness(today)
    assert r.rulebook_id == "kyoto" and r.rulebook_label() == "京都府国保連の規則（出典あり）"
    assert r.window_basis == "sourced"
    tokyo = h.Onboarding("1312345678")
    r = tokyo.readiness(today)
    assert r.rulebook_label("en") == "rules of the Tokyo 国保連: defaults (unverified)"
    assert r.findings[0].fix_by_basis == "unverified"
    assert "未確認" in r.findings[0].message("ja")
    assert tokyo.readiness(today, h.Rulebook.default()).rulebook_id == "default"
    rem = tokyo.reminders(today, 20)
    assert rem and all(x.basis in ("sourced", "approximate", "unverified") for x in rem)
    assert rem[0].to_dict()["basis"] == rem[0].basis
    nagasaki = h.Onboarding("4212345678")
    batch = h.evaluate_many([kyoto, tokyo, nagasaki.to_json()], today)
    assert [x.rulebook_id for x in batch.results] == ["kyoto", "tokyo", "nagasaki"]
    assert batch.results[2].claim_window.closes.hour == 18
    batch = h.evaluate_many([kyoto, nagasaki], today, h.Rulebook.default())
    assert {x.rulebook_id for x in batch.results} == {"default"}


def test_document_kinds_is_the_core_table_and_the_stub_literal_agrees() -> None:
    kinds = h.document_kinds()
    assert kinds[0]["name_ja"] == "返戻等一覧表"
    stub = (Path(h.__file__).parent / "_native.pyi").read_text(encoding="utf-8")
    literal = re.search(r"^DocumentKind = Literal\[(.*?)\]", stub, re.S | re.M)
    assert literal is not None
    assert [k["id"] for k in kinds] == re.findall(r'"([a-z_]+)"', literal.group(1))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "rules", "26")
    assert code == 0
    assert "京都府国保連の規則（出典あり）" in out
    assert "payment.roll = \"previous_business_day\"  [出典あり]" in out
    assert "https://kyoto-kokuhoren.or.jp/nursingcare/support/11.html" in out
    code, out = _run(capsys, "rules", "長崎", "--json")
    data = json.loads(out)
    closing = [f for f in data["fields"] if f["field"] == "window.closing_time"][0]
    assert closing["value"] == "18:00" and closing["source"]["kind"] == "stated"
    code, out = _run(capsys, "rules", "--json")
    assert len(json.loads(out)["rulebooks"]) == 47
    code, out = _run(capsys, "rules", "48")
    assert code != 0
    code, out = _run(capsys, "--lang", "en", "calendar", "2026-06", "--facility", "4212345678")
    assert "18:00" in out and "Nagasaki" in out
