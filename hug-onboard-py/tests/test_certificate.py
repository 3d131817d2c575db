"""Certificates: open and inspect a .p12, facts, status, renewal plan, errors, the GIL."""

from __future__ import annotations

import datetime
import threading
import time

import pytest

import hug_onboard as h
from conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures"
PW = "TestPass123"
UTC = datetime.timezone.utc
JST = datetime.timezone(datetime.timedelta(hours=9))


def data(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_from_pkcs12_gives_the_facts_as_python_values() -> None:
    c = h.Certificate.from_pkcs12(data("guide-openssl3.p12"), PW)
    assert ("CN", "1312345678") in c.subject
    assert c.subject_value("C") == "JP"
    assert c.issuer[0] == ("C", "JP")
    assert c.not_after == datetime.datetime(2026, 9, 15, 14, 59, 59, tzinfo=UTC)
    assert c.not_after.tzinfo is not None and c.not_before.utcoffset() == datetime.timedelta(0)
    assert c.valid_from_jst == datetime.date(2023, 9, 15)
    assert c.valid_to_jst == datetime.date(2026, 9, 15)
    assert c.sha256_fingerprint.startswith("BC:31:D8")
    assert c.serial_hex == "03202309150000007100079785"
    assert c.facility_number == h.FacilityNumber("1312345678")
    assert c.matches_facility("1312345678") and not c.matches_facility(h.FacilityNumber("2712345670"))
    assert not c.is_ca and c.has_private_key and c.private_key_checked
    assert c.key_algorithm == "RSA" and c.key_bits == 2048
    assert [x.is_ca for x in c.chain] == [True]
    assert c.chain[0].chain == [] and not c.chain[0].has_private_key
    assert c.findings("1312345678") == []
    assert [f.code for f in c.findings("2712345670")] == ["certificate.facility_mismatch"]
    attrs = c.subject_attributes()
    assert attrs[0]["oid"] == "2.5.4.6" and attrs[0]["value"] == "JP"


def test_the_private_key_never_reaches_python() -> None:
    c = h.Certificate.from_pkcs12(data("guide-openssl3.p12"), PW)
    names = " ".join(dir(c)).lower()
    assert "private_key" not in names.replace("has_private_key", "").replace("private_key_checked", "")
    assert "PRIVATE" not in repr(c) and "TestPass" not in repr(c)


def test_inspect_does_not_decrypt_the_key() -> None:
    c = h.Certificate.inspect_pkcs12(bytearray(data("guide-legacy.p12")), PW)
    assert c.has_private_key and not c.private_key_checked and c.password_verified
    assert c.valid_to_jst == datetime.date(2026, 9, 15)
    assert c.mac_algorithm is not None


def test_from_der_reads_a_bare_certificate() -> None:
    c = h.Certificate.from_der(data("guide.cer"))
    assert c.facility_number is not None and str(c.facility_number) == "1312345678"
    assert not c.has_private_key and c.chain == []


@pytest.mark.parametrize(
    "name,password,cls,code",
    [
        ("guide-openssl3.p12", "testpass123", h.WrongPasswordError, "certificate.wrong_password"),
        ("guide-openssl3.p12", "Test\x00Pass123", h.WrongPasswordError, "certificate.password_not_encodable"),
        ("broken-empty.p12", PW, h.CertificateFormatError, "certificate.empty_file"),
        ("broken-truncated.p12", PW, h.CertificateFormatError, "certificate.malformed"),
        ("guide.pem", PW, h.CertificateFormatError, "certificate.not_pkcs12"),
        ("guide-certonly.p12", PW, h.CertificateFormatError, "certificate.no_private_key"),
    ],
)
def test_errors_map_to_their_classes(name: str, password: str, cls: type, code: str) -> None:
    with pytest.raises(cls) as e:
        h.Certificate.from_pkcs12(data(name), password)
    assert e.value.code == code  # type: ignore[attr-defined]
    assert not isinstance(e.value, h.ValidationError)


def test_every_certificate_error_code_has_the_intended_class() -> None:
    want = {
        "certificate.wrong_password": h.WrongPasswordError,
        "certificate.password_not_encodable": h.WrongPasswordError,
        "certificate.unsupported_algorithm": h.UnsupportedCertificateError,
        "certificate.empty_file": h.CertificateFormatError,
        "certificate.not_pkcs12": h.CertificateFormatError,
        "certificate.malformed": h.CertificateFormatError,
        "certificate.no_certificate": h.CertificateFormatError,
        "certificate.no_private_key": h.CertificateFormatError,
        "certificate.key_mismatch": h.CertificateFormatError,
        "certificate.excessive_iterations": h.CertificateFormatError,
        "certificate.addressee.postal_code": h.ValidationError,
        "certificate.addressee.empty": h.ValidationError,
        "certificate.addressee.control_char": h.ValidationError,
        "certificate.addressee.honorific": h.ValidationError,
        "certificate.lifecycle.invalid_transition": h.WorkflowError,
        "certificate.lifecycle.invalid_dates": h.WorkflowError,
        "certificate.unverified_evidence": h.ValidationError,
    }
    known = {c.code for c in h.codes()}
    for code, cls in want.items():
        assert code in known, f"{code} is not a real code any more"
        assert h.error_class_for(code) is cls, code
    errors = {c.code for c in h.codes() if c.code.startswith("certificate.") and c.severity == "error"
              and not c.code.startswith(("certificate.status.", "certificate.renewal."))}
    assert errors <= set(want), f"certificate error codes without a decided class: {errors - set(want)}"


def test_excessive_iterations_is_refused_before_the_kdf() -> None:
    with pytest.raises(h.CertificateFormatError) as e:
        h.Certificate.inspect_pkcs12(data("guide-openssl3.p12"), PW, max_iterations=10)
    assert e.value.code == "certificate.excessive_iterations"


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        h.Certificate.from_pkcs12("not bytes", PW)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.Certificate.from_pkcs12(data("guide-openssl3.p12"), b"pw")  # type: ignore[arg-type]


def test_garbage_never_panics() -> None:
    for blob in (b"", b"\x00" * 10, b"\x30\x82\xff\xff" + b"\x00" * 100, bytes(range(256)) * 40):
        with pytest.raises(h.HugOnboardError):
            h.Certificate.inspect_pkcs12(blob, PW)


def test_status_and_renewal_plan() -> None:
    c = h.Certificate.inspect_pkcs12(data("guide-openssl3.p12"), PW)
    st = c.status(datetime.date(2026, 8, 16))
    assert (st.kind, st.code, st.days_left, st.milestone) == ("urgent", "certificate.status.urgent", 30, 30)
    assert "30日" in st.message() and "30 days" in st.message("en")
    assert st.to_finding().code == st.code
    plan = c.renewal_plan(datetime.date(2026, 7, 1))
    assert plan.code == "certificate.renewal.apply_now" and not plan.passed
    assert plan.apply_by == datetime.date(2026, 9, 15) and plan.install_by == datetime.date(2026, 9, 30)
    assert plan.target_window.opens == datetime.datetime(2026, 10, 1, tzinfo=JST)
    assert plan.expires_at == c.not_after
    assert plan.message("en").startswith("Apply")
    # A rulebook's certificate rules: a cut-off day on the 20th.
    rb = h.Rulebook.from_json('{"certificate": {"application_cutoff_day": 20}}')
    p2 = c.renewal_plan(datetime.date(2026, 7, 1), rb)
    assert p2.cutoff == datetime.date(2026, 9, 15) or p2.apply_by <= datetime.date(2026, 9, 15)
    with pytest.raises(h.ValidationError):
        st.message("fr")


def test_status_from_validity_accepts_any_aware_zone_and_refuses_naive() -> None:
    nb = datetime.datetime(2023, 9, 15, 0, 0, tzinfo=JST)
    na = datetime.datetime(2026, 9, 15, 23, 59, 59, tzinfo=JST)
    s = h.certificate_status(nb, na, datetime.date(2026, 9, 16))
    assert s.kind == "expired" and s.days_left == -1
    with pytest.raises(TypeError):
        h.certificate_status(nb.replace(tzinfo=None), na, datetime.date(2026, 9, 16))
    p = h.renewal_plan(na, datetime.date(2026, 1, 5))
    assert p.finding == "not_yet"


def test_the_gil_is_released_during_the_key_derivation() -> None:
    """Another Python thread runs while files open (the KDF runs outside the GIL)."""
    blob = data("guide-legacy.p12")
    ticks = 0
    stop = threading.Event()

    def counter() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    t = threading.Thread(target=counter)
    t.start()
    try:
        t0 = time.perf_counter()
        n = 0
        while time.perf_counter() - t0 < 0.3:
            h.Certificate.from_pkcs12(blob, PW)
            n += 1
    finally:
        stop.set()
        t.join()
    assert n > 0 and ticks > 1000, (n, ticks)


def test_to_evidence_feeds_the_workflow() -> None:
    c = h.Certificate.inspect_pkcs12(data("guide-openssl3.p12"), PW)
    ev = c.to_evidence()
    assert ev["valid_until"] == datetime.date(2026, 9, 15)
    assert ev["subject_facility_number"] == "1312345678"
    # The instants too (issue #12: readiness and reminders judge at them).
    assert (ev["not_before"], ev["not_after"]) == ("2023-09-14T15:00:00Z", "2026-09-15T14:59:59Z")


# --- issue #12: certificates as the world makes them ------------------------------------------

PRODUCERS = FIXTURES / "producers" / "out"


def produced(name: str) -> bytes:
    return (PRODUCERS / name).read_bytes()


def test_an_unchecked_password_is_said() -> None:
    # openssl pkcs12 -export -nomac -certpbe NONE: nothing but the key checks the password.
    f = produced("openssl-nomac-certpbe-none.p12")
    c = h.Certificate.inspect_pkcs12(f, "wrong")
    assert c.password_verified is False
    assert [x.code for x in c.findings()] == ["certificate.password_unverified"]
    assert c.findings()[0].severity == "warning"
    with pytest.raises(h.ValidationError) as e:
        c.to_evidence()
    assert e.value.code == "certificate.unverified_evidence"
    with pytest.raises(h.WrongPasswordError):
        h.Certificate.from_pkcs12(f, "wrong")
    opened = h.Certificate.from_pkcs12(f, PW)
    assert opened.password_verified and opened.findings() == []
    assert opened.to_evidence()["valid_until"] == opened.valid_to_jst


def test_the_leaf_is_the_keys_certificate_whatever_the_order() -> None:
    for name in ["craft-ca-has-keyid.p12", "craft-forge-ca-first.p12", "forge-ca-first.p12"]:
        c = h.Certificate.from_pkcs12(produced(name), PW)
        assert c.subject_value("CN") == "1312345678" and not c.is_ca, name
        assert c.leaf_basis == "private_key"
        assert c.sha256_fingerprint not in [x.sha256_fingerprint for x in c.chain]
        i = h.Certificate.inspect_pkcs12(produced(name), PW)
        assert i.sha256_fingerprint == c.sha256_fingerprint, name
    unsure = h.Certificate.inspect_pkcs12(produced("craft-ca-only-keyid.p12"), PW)
    assert unsure.leaf_basis == "uncertain"
    assert [x.code for x in unsure.findings()] == ["certificate.leaf_uncertain"]


def test_the_chain_has_no_duplicates() -> None:
    for name in ["craft-dup-ca.p12", "craft-dup-leaf.p12", "keytool-default.p12"]:
        c = h.Certificate.from_pkcs12(produced(name), PW)
        fps = [x.sha256_fingerprint for x in c.chain]
        assert len(fps) == len(set(fps)) == 1 and c.sha256_fingerprint not in fps, name


def test_today_is_a_jst_day_or_an_aware_instant() -> None:
    na = datetime.datetime(2027, 3, 31, 20, 0, 0, tzinfo=UTC)  # 05:00 JST on 2027-04-01
    nb = datetime.datetime(2024, 3, 31, 20, 0, 0, tzinfo=UTC)
    on_the_day = h.certificate_status(nb, na, datetime.date(2027, 4, 1))
    assert on_the_day.kind == "urgent" and on_the_day.days_left == 0
    assert h.renewal_plan(na, datetime.date(2027, 4, 1)).code == "certificate.renewal.apply_by_passed"
    after = datetime.datetime(2027, 4, 1, 5, 0, 1, tzinfo=JST)
    assert h.certificate_status(nb, na, after).kind == "expired"
    assert h.renewal_plan(na, after).code == "certificate.renewal.expired"
    # An aware UTC time is converted to the JST day, not cut to its own date.
    utc_evening = datetime.datetime(2027, 3, 31, 16, 0, tzinfo=UTC)  # 01:00 JST 4/1
    assert h.certificate_status(nb, na, utc_evening).today == datetime.date(2027, 4, 1)
    with pytest.raises(TypeError):
        h.certificate_status(nb, na, datetime.datetime(2027, 4, 1, 12, 0))
    # 2026-12-24: the notice opens 2027-01-01; neither asks to apply.
    assert h.certificate_status(nb, na, datetime.date(2026, 12, 24)).kind == "valid"
    assert h.renewal_plan(na, datetime.date(2026, 12, 24)).code == "certificate.renewal.not_yet"
    assert "1 days" not in h.certificate_status(nb, na, datetime.date(2027, 3, 31)).message("en")
