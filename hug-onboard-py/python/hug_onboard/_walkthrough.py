"""The ``walkthrough`` subcommand: a sample facility through the guide, on built-in sample data."""

from __future__ import annotations

import datetime
from typing import Any, Callable, Optional

from ._native import Onboarding, PasswordPolicy, RegistrationNotice, Step, format_wareki

__all__ = ["SAMPLE_TEST_NOTICE", "SAMPLE_PRODUCTION_NOTICE", "walkthrough"]

SAMPLE_TEST_NOTICE = """電子請求登録結果に関するお知らせ
令和 元年 6月 3日
東京都国民健康保険団体連合会
事業所番号\t1312345678
住所\t〒100-0001 東京都千代田区千代田1-1
事業所名\t放課後等デイサービス はぐくみ 千代田校
テストID\tT1312345
(仮)パスワード\tKari0123
証明書発行用パスワード\tCert4567
備考\t
"""

SAMPLE_PRODUCTION_NOTICE = SAMPLE_TEST_NOTICE.replace("令和 元年 6月 3日", "令和 元年 7月30日").replace(
    "テストID\tT1312345", "ID\tP1312345"
).replace("Kari0123", "Hn3kW9qe")

SAMPLE_PROFILE: dict[str, Any] = {
    "facility_number": "1312345678",
    "name_kana": "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ ﾊｸﾞｸﾐ",
    "name_kanji": "放課後等デイサービス はぐくみ 千代田校",
    "postal_code": "100-0001",
    "address_kana": "トウキョウト チヨダク チヨダ",
    "address_kanji": "東京都千代田区千代田1-1",
    "phone": "03-1234-5678",
    "fax": "03-1234-5679",
    "representative_name_kana": "ヤマダ タロウ",
    "representative_name_kanji": "山田 太郎",
    "representative_title": "代表取締役",
    "email": None,
    "password": "0000",
}


def walkthrough(
    lang: str,
    emit: Callable[[str], None],
    format_date: Optional[Callable[[datetime.date], str]] = None,
) -> dict[str, Any]:
    """Runs the sample walkthrough, printing through ``emit`` with dates in ``format_date``
    (the command line's ``Output.date``; default 和暦); returns a JSON-able summary."""

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    fmt: Callable[[datetime.date], str] = format_date or format_wareki

    day = datetime.date(2019, 6, 5)
    steps: dict[str, Step] = {s.id: s for s in Step.all()}

    def done(step: str, on: datetime.date, **evidence: Any) -> None:
        ob.complete(step, on, **evidence)
        emit(f"  ✓ {fmt(on)} {steps[step].guide_page:8} {steps[step].title(lang)}")

    test = RegistrationNotice.parse(SAMPLE_TEST_NOTICE)
    emit(t("1. 1通目のお知らせを読む", "1. Read the first notice"))
    emit(f"  {test.kind}: {test.purpose(lang)}")
    for label, value in test.public_fields(lang):
        emit(f"  {label}: {value}")
    ob = Onboarding.new(test.facility_number)
    done("receive_documents", day, notice=test)
    done("submit_todoke", day)
    done("test_login", day + datetime.timedelta(days=1))

    emit(t("2. 仮パスワードを変更する（画面の規則で事前に確認）", "2. Change the temporary password (checked against the screen first)"))
    policy = PasswordPolicy.test_screen()
    for candidate in ("password", "ＡＢＣ12345", "T1312345"):
        problems = policy.check(candidate, test.user_id)
        emit(f"  {candidate!r}: " + ", ".join(v.message(lang) for v in problems))
    new = PasswordPolicy.generation().generate(12)
    emit(t(f"  生成したパスワード: {'*' * len(new)}（両方の画面で使えます）",
           f"  generated password: {'*' * len(new)} (both screens accept it)"))
    assert not policy.check_change(user_id=test.user_id, current=test.temporary_password(), new=new, confirm=new)
    done("change_test_password", day + datetime.timedelta(days=1))

    emit(t("3. 電子証明書と取込送信V2", "3. Certificate and 取込送信V2"))
    done("apply_certificate", day + datetime.timedelta(days=2))
    done("certificate_issued", day + datetime.timedelta(days=3), certificate={
        "valid_from": datetime.date(2019, 6, 8), "valid_until": datetime.date(2022, 6, 8),
        "subject_facility_number": str(test.facility_number)})
    ob.add_billing_pc("事務所PC")
    done("install_certificate", day + datetime.timedelta(days=4), pc="事務所PC")
    done("install_torikomi", day + datetime.timedelta(days=5), pc="事務所PC")
    done("register_facility", day + datetime.timedelta(days=6), profile=SAMPLE_PROFILE)
    done("change_torikomi_password", day + datetime.timedelta(days=7))

    emit(t("4. 2通目（本番用ID）のお知らせ", "4. The second (production-ID) notice"))
    prod = RegistrationNotice.parse(SAMPLE_PRODUCTION_NOTICE)
    emit(f"  {prod.kind}: {prod.purpose(lang)}")
    done("receive_production_notice", datetime.date(2019, 7, 30), notice=prod)
    done("change_production_password", datetime.date(2019, 7, 31))
    emit(t("次にすること: ", "Next: ") + ", ".join(steps[s].title(lang) for s in ob.next_steps()))
    emit(t("必要な手順はすべて完了しました。", "Every required step is done.") if ob.all_required_done() else "")
    return {"state": ob.to_json(), "all_required_done": ob.all_required_done(), "next_steps": ob.next_steps()}
