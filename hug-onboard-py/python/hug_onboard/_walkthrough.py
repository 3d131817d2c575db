"""The ``walkthrough`` subcommand: a sample facility through the guide.

The sample facility is the one of the Rust example (``./scripts/run``): ``tests/fixtures/walkthrough/sample.json``
and the notices and certificate files it names, embedded into the extension when it is built
(``_native._walkthrough_sample()``). Both walkthroughs do the same steps on the same days with the same
evidence and end in the same onboarding state (``hug-onboard-py/tests/test_walkthrough_shared.py``).
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Callable, Optional

from ._errors import HugOnboardError
from ._native import (
    Certificate,
    Onboarding,
    PasswordPolicy,
    RegistrationNotice,
    Step,
    _walkthrough_sample,
    format_wareki,
)

__all__ = ["sample", "walkthrough"]


def sample() -> tuple[dict[str, Any], dict[str, bytes]]:
    """The sample (``sample.json`` parsed) and every file it names, by path relative to tests/fixtures/."""
    files = _walkthrough_sample()
    data: dict[str, Any] = json.loads(files["walkthrough/sample.json"].decode("utf-8"))
    return data, files


def walkthrough(
    lang: str,
    emit: Callable[[str], None],
    today: datetime.date,
    format_date: Optional[Callable[[datetime.date], str]] = None,
) -> dict[str, Any]:
    """Runs the sample walkthrough, printing through ``emit`` with dates in ``format_date``
    (the command line's ``Output.date``; default 和暦); ``today`` is the day of the last part
    (the command line's ``--today``, else the real date in Japan; sample.json's ``today`` is
    the day the tests pass). Returns a JSON-able summary (``state``: the final onboarding
    state as JSON text)."""

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    fmt: Callable[[datetime.date], str] = format_date or format_wareki
    data, files = sample()
    steps: dict[str, Step] = {s.id: s for s in Step.all()}
    pc: str = data["billing_pc"]
    cert_password: str = data["certificate"]["password"]

    def day(step: str) -> datetime.date:
        return datetime.date.fromisoformat(data["dates"][step])

    def done(step: str, on: datetime.date | None = None, **evidence: Any) -> None:
        on = on or day(step)
        ob.complete(step, on, **evidence)
        emit(f"  ✓ {fmt(on)} {steps[step].guide_page:8} {steps[step].title(lang)}")

    def certificate(name: str) -> Certificate:
        c = Certificate.inspect_pkcs12(files[data["certificate"][name]], cert_password)
        emit(f"  {t('有効期間（日本時間）', 'Valid (JST)')}: {fmt(c.valid_from_jst)} 〜 {fmt(c.valid_to_jst)}  "
             f"{t('事業所番号', 'facility number')}: {c.facility_number}")
        return c

    test = RegistrationNotice.parse(files[data["test_notice"]].decode("utf-8"))
    emit(t("1. 1通目のお知らせを読む", "1. Read the first notice"))
    emit(f"  {test.kind}: {test.purpose(lang)}")
    for label, value in test.public_fields(lang):
        emit(f"  {label}: {value}")
    if test.date is not None:
        emit(f"  {format_wareki(test.date)} = {fmt(test.date)}")
    ob = Onboarding.new(test.facility_number)
    done("receive_documents", notice=test)
    done("submit_todoke")
    done("test_login")

    emit(t("2. 仮パスワードを変更する（画面の規則で事前に確認）", "2. Change the temporary password (checked against the screen first)"))
    policy = PasswordPolicy.test_screen()
    for candidate in data["password_candidates"]:
        problems = policy.check(candidate, test.user_id)
        emit(f"  {candidate!r}: " + ", ".join(f"[{v.code}] {v.message(lang)}" for v in problems))
    new = PasswordPolicy.generation().generate(data["generated_password_length"])
    emit(t(f"  生成したパスワード: {'*' * len(new)}（両方の画面で使えます）",
           f"  generated password: {'*' * len(new)} (both screens accept it)"))
    assert not policy.check_change(user_id=test.user_id, current=test.temporary_password(), new=new, confirm=new)
    done("change_test_password")

    emit(t("3. 電子証明書と取込送信V2", "3. Certificate and 取込送信V2"))
    done("apply_certificate")
    try:
        Certificate.inspect_pkcs12(files[data["certificate"]["file"]], "wrong-password")
    except HugOnboardError as e:
        emit(f"  {t('パスワードを間違えた場合', 'With a wrong password')} → [{e.code}]")
    cert = certificate("file")
    done("certificate_issued", certificate=cert.to_evidence())
    done("install_certificate", pc=pc, certificate=cert.to_evidence())
    done("install_torikomi", pc=pc)
    done("register_facility", profile=data["profile"])
    done("change_torikomi_password")

    emit(t("4. 2通目（本番用ID）のお知らせ", "4. The second (production-ID) notice"))
    prod = RegistrationNotice.parse(files[data["production_notice"]].decode("utf-8"))
    emit(f"  {prod.kind}: {prod.purpose(lang)}")
    done("receive_production_notice", notice=prod)
    done("change_production_password")
    done("register_email")
    emit(t("必要な手順はすべて完了しました。", "Every required step is done.") if ob.all_required_done() else "")

    emit(t(f"5. 今日 {fmt(today)}: 証明書を更新した場合", f"5. Today {fmt(today)}: after renewing the certificate"))
    renewed = certificate("renewed_file")
    done("install_certificate", today, pc=pc, certificate=renewed.to_evidence())
    r = ob.readiness(today)
    emit(t("  ◎ 請求できます", "  ◎ Ready to bill") if r.can_bill else t("  × まだ請求できません", "  × Cannot bill yet"))
    for f in r.findings:
        emit(f"  [{f.code}] {f.message(lang)}")
    return {"state": ob.to_json(), "all_required_done": ob.all_required_done(), "next_steps": ob.next_steps()}
