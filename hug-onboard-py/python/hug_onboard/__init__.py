"""hug_onboard: onboarding Japanese care providers to 国保連 electronic billing.

The Python face of the ``hug-onboard-core`` Rust library: facility numbers,
registration notices, password rules, certificates, the billing calendar and
the onboarding workflow. Every error is a :class:`HugOnboardError` with a
stable ``code`` and a message in Japanese and English.

>>> from hug_onboard import FacilityNumber
>>> n = FacilityNumber("１３１２３４５６７８")
>>> str(n), n.prefecture.name_ja
('1312345678', '東京都')
"""

from __future__ import annotations

from ._native import (
    Action,
    BatchReport,
    Readiness,
    ReadinessFinding,
    evaluate_many,
    Reminder,
    FacilityProfile,
    Addressee,
    Estimate,
    IssuedCertificate,
    CertificateLifecycle,
    BillingCalendar,
    Certificate,
    CertificateStatus,
    ClaimWindow,
    DayEvent,
    Deadline,
    DocumentRelease,
    Holiday,
    JapaneseCalendar,
    MonthSchedule,
    RenewalPlan,
    Rulebook,
    billing_schedule,
    certificate_status,
    holiday,
    holiday_name,
    holidays_of_year,
    is_business_day,
    is_holiday,
    parse_date,
    next_business_day,
    previous_business_day,
    renewal_plan,
    roll_forward,
    CodeInfo,
    FacilityNumber,
    Onboarding,
    Finding,
    PartialDate,
    PasswordPolicy,
    Prefecture,
    RegistrationNotice,
    Step,
    UserId,
    __version__,
    codes,
    format_wareki,
    parse_wareki,
    parse_wareki_partial,
)
from ._errors import (
    CertificateFormatError,
    HugOnboardError,
    UnsupportedCertificateError,
    ValidationError,
    WorkflowError,
    WrongPasswordError,
    error_class_for,
    error_class_for_kind,
)

#: A problem found by a check (``.code``, ``.message(lang="ja")``); same class as :class:`Finding`.
Violation = Finding

__all__ = [
    "__version__",
    # values
    "FacilityNumber",
    "Prefecture",
    "UserId",
    # 和暦
    "parse_wareki",
    "parse_wareki_partial",
    "format_wareki",
    "PartialDate",
    # the registration notice
    "RegistrationNotice",
    # passwords
    "PasswordPolicy",
    # certificates
    "Certificate",
    "CertificateStatus",
    "RenewalPlan",
    "certificate_status",
    "renewal_plan",
    # the certificate on the portal (見積書, 申請, 発行, ダウンロード, インストール)
    "CertificateLifecycle",
    "Addressee",
    "Estimate",
    "IssuedCertificate",
    # holidays and business days
    "parse_date",
    "is_holiday",
    "holiday",
    "holiday_name",
    "holidays_of_year",
    "is_business_day",
    "next_business_day",
    "previous_business_day",
    "roll_forward",
    "Holiday",
    "JapaneseCalendar",
    # the billing schedule
    "Rulebook",
    "BillingCalendar",
    "billing_schedule",
    "MonthSchedule",
    "ClaimWindow",
    "DocumentRelease",
    "DayEvent",
    "Deadline",
    # onboarding
    "Onboarding",
    "Readiness",
    "ReadinessFinding",
    "Action",
    "BatchReport",
    "evaluate_many",
    "Reminder",
    "Step",
    # the 取込送信 facility profile
    "FacilityProfile",
    # problems and the code catalogue
    "Finding",
    "Violation",
    "CodeInfo",
    "codes",
    # exceptions
    "HugOnboardError",
    "ValidationError",
    "WrongPasswordError",
    "CertificateFormatError",
    "UnsupportedCertificateError",
    "WorkflowError",
    "error_class_for",
    "error_class_for_kind",
]
