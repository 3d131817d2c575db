"""The support staff's command line: ``hug-onboard`` and ``python -m hug_onboard``.

Japanese output by default (``--lang en`` or ``HUG_ONBOARD_LANG=en`` for
English), ``--json`` for machines. Never a traceback: every failure is a
message with a stable code and one of the exit codes below.

The exit code is derived from the error's kind (EXIT_BY_KIND), like the C
status and the Python exception class.

Exit codes:
  0   success
  1   the input was read and has problems (invalid value or document, policy violation, not ready)
  2   usage error (unknown subcommand, bad option or value, missing argument or password)
  3   a file or resource cannot be read (missing, a directory, no permission, not text)
  4   wrong password for a certificate file
  5   the certificate file is corrupt or unsupported
  6   workflow error (a step out of order)
  70  internal error (a bug: please report it with the command line)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import datetime
import getpass
import json
import os
import sys
from typing import Any, Callable, NoReturn, Optional, Sequence, TextIO

from . import _errors
from ._errors import HugOnboardError
from ._native import (
    BillingCalendar,
    Certificate,
    Rulebook,
    is_holiday,
    parse_date,
    FacilityNumber,
    Finding,
    Onboarding,
    Step,
    PasswordPolicy,
    Prefecture,
    RegistrationNotice,
    UserId,
    __version__,
    codes,
    format_wareki,
    parse_wareki,
)

__all__ = [
    "main",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "EXIT_FILE",
    "EXIT_WRONG_PASSWORD",
    "EXIT_CERTIFICATE",
    "EXIT_WORKFLOW",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_BY_KIND",
    "CLI_CODES",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_FILE = 3
EXIT_WRONG_PASSWORD = 4
EXIT_CERTIFICATE = 5
EXIT_WORKFLOW = 6
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

LANG_ENV = "HUG_ONBOARD_LANG"


# The exit code of each error kind: the ONE mapping (every kind of the catalogue
# is here; tests/test_kinds.py checks it).
EXIT_BY_KIND: dict[str, int] = {
    "invalid_input": EXIT_PROBLEMS,
    "invalid_data": EXIT_PROBLEMS,
    "advisory": EXIT_PROBLEMS,
    "invalid_argument": EXIT_USAGE,
    "missing_argument": EXIT_USAGE,
    "invalid_encoding": EXIT_FILE,
    "unavailable": EXIT_FILE,
    "wrong_password": EXIT_WRONG_PASSWORD,
    "corrupt_file": EXIT_CERTIFICATE,
    "unsupported": EXIT_CERTIFICATE,
    "workflow": EXIT_WORKFLOW,
    "internal": EXIT_INTERNAL,
    "panic": EXIT_INTERNAL,
}

# The command line's own codes, declared once: code -> (kind, summary).
# `hug-onboard codes` lists them after the library's.
CLI_CODES: dict[str, tuple[str, str]] = {
    "cli.usage": (
        "invalid_argument",
        "usage error: unknown subcommand, bad option or value, missing argument",
    ),
    "cli.no_password": ("missing_argument", "a password is needed and none was given"),
    "cli.password_on_argv": (
        "invalid_argument",
        "a password on the command line (it would be seen by others): use stdin or the prompt",
    ),
    "cli.file_not_found": ("unavailable", "the file does not exist"),
    "cli.file_unreadable": ("unavailable", "the file cannot be read (a directory, no permission)"),
    "cli.not_text": ("invalid_encoding", "the file is not UTF-8 text"),
    "cli.not_utf8": ("invalid_encoding", "an argument, environment variable or standard input is not valid UTF-8 (no position or byte is shown)"),
    "cli.internal": ("internal", "an unexpected error in the command line (a bug)"),
}


class CliError(HugOnboardError):
    """A command-line failure (file, usage, password input); its kind comes from CLI_CODES."""

    def __init__(self, code: str, ja: str, en: str) -> None:
        kind = CLI_CODES[code][0]
        # A file name that is not UTF-8 reaches Python with lone surrogates (surrogateescape);
        # shown escaped (`\udcff`), so that the message is text and the error stays this one
        # (it became cli.not_utf8). The CLI never puts a password in a message.
        ja, en = (m.encode("utf-8", "backslashreplace").decode("utf-8") for m in (ja, en))
        super().__init__([Finding(code, ja, en, kind=kind)])

    @property
    def exit_code(self) -> int:
        """The exit code of this error's kind."""
        return exit_code_for(self)


def exit_code_for(error: HugOnboardError) -> int:
    """The documented exit code for an error: from the kind of its first problem."""
    return EXIT_BY_KIND.get(error.findings[0].kind, EXIT_INTERNAL)


#: 曜日 as a Japanese office writes it after a date: 2027年1月15日（金）.
_WEEKDAYS_JA = "月火水木金土日"
#: Japan Standard Time (no daylight saving): the 国保連's days are JST days.
JST = datetime.timezone(datetime.timedelta(hours=9), "JST")


class Output:
    """Where and how a command prints: language, JSON or text, and the date style."""

    def __init__(
        self, lang: str, as_json: bool, stdout: TextIO, stderr: TextIO, wareki: bool = False
    ) -> None:
        self.lang = lang
        self.as_json = as_json
        self.stdout = stdout
        self.stderr = stderr
        self.wareki = wareki

    def t(self, ja: str, en: str) -> str:
        """Picks the text in the output language."""
        return en if self.lang == "en" else ja

    def date(self, d: datetime.date) -> str:
        """THE date format of the command line's text output (JSON is always ISO).

        Japanese: ``2027年1月15日（金）``, or with ``--wareki`` the core's 和暦
        (``令和9年1月15日（金）``); English: ISO ``2027-01-15``.
        """
        if self.lang == "en":
            return d.isoformat()
        day = format_wareki(d) if self.wareki else f"{d.year}年{d.month}月{d.day}日"
        return f"{day}（{_WEEKDAYS_JA[d.weekday()]}）"

    def window(self, opens: datetime.datetime, closes: datetime.datetime, last_day: datetime.date) -> str:
        """A claim window ``opens 〜 closes``; one closing at midnight ends "24:00" on its last
        day, as the 国保連 writes it: ``2026年12月1日（火）0:00 〜 2026年12月10日（木）24:00``."""
        jst = closes.astimezone(JST) if closes.tzinfo is not None else closes
        if jst.time() == datetime.time(0, 0):
            end = f"{self.date(last_day)}{' ' if self.lang == 'en' else ''}24:00"
        else:
            end = self.time(closes)
        return f"{self.time(opens)} {self.t('〜', 'to')} {end}"

    def month(self, ym: str) -> str:
        """A month ``YYYY-MM`` in the same style: ``2026年6月`` (``令和8年6月``), ISO in English."""
        if self.lang == "en":
            return ym
        first = datetime.date(int(ym[:4]), int(ym[5:7]), 1)
        if self.wareki:
            return format_wareki(first).removesuffix("1日")
        return f"{first.year}年{first.month}月"

    def time(self, t: datetime.datetime) -> str:
        """An instant in the same style, in JST: ``2026年12月1日（火）0:00`` / ``2026-12-01 00:00``."""
        jst = t.astimezone(JST) if t.tzinfo is not None else t
        if self.lang == "en":
            return f"{self.date(jst.date())} {jst:%H:%M}"
        return f"{self.date(jst.date())}{jst.hour}:{jst:%M}"

    def result(self, data: dict[str, Any], lines: Sequence[str]) -> None:
        """Prints a successful result: ``data`` as JSON, or the text lines."""
        if self.as_json:
            payload: dict[str, Any] = {"ok": True}
            payload.update(data)
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            for line in lines:
                self.stdout.write(line + "\n")

    def error(self, error: HugOnboardError) -> None:
        """Prints an error: JSON on stdout, or a message on stderr."""
        if self.as_json:
            payload = {"ok": False, "error": error.to_dict()}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return
        label = self.t("エラー", "error")
        for f in error.findings:
            self.stderr.write(f"{label} [{f.code}]: {f.message(self.lang)}\n")
        if isinstance(error, _errors.WrongPasswordError):
            # Often read by someone else than the person who chose --lang: both languages.
            other = "ja" if self.lang == "en" else "en"
            for f in error.findings:
                self.stderr.write(f"  {f.message(other)}\n")


# --- input helpers -----------------------------------------------------------------


def read_text(path: str, out: Output) -> str:
    """Reads a text file ("-" = stdin): UTF-8 (with or without BOM), else Shift_JIS (cp932)."""
    if path == "-":
        return sys.stdin.read()
    data = read_bytes(path)
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    shown = _errors.file_shown(path)
    raise CliError(
        "cli.not_text",
        f"テキストファイルではありません（UTF-8 でも Shift_JIS でもありません）: {shown}",
        f"Not a text file (neither UTF-8 nor Shift_JIS): {shown}",
    )


def read_bytes(path: str) -> bytes:
    """Reads a binary file, with the CLI's messages for a missing or unreadable file (naming the
    file by its name only: :func:`hug_onboard._errors.file_shown`)."""
    shown = _errors.file_shown(path)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise CliError(
            "cli.file_not_found",
            f"ファイルが見つかりません: {shown}",
            f"File not found: {shown}",
        ) from None
    except IsADirectoryError:
        raise CliError(
            "cli.file_unreadable",
            f"フォルダです。ファイルを指定してください: {shown}",
            f"That is a directory, not a file: {shown}",
        ) from None
    except OSError as e:
        raise CliError(
            "cli.file_unreadable",
            f"ファイルを読めません: {shown}（{e.strerror}）",
            f"Cannot read {shown}: {e.strerror}",
        ) from None


def read_password(args: argparse.Namespace, out: Output, prompt_ja: str, prompt_en: str) -> str:
    """A password from ``--password-env VAR``, else a hidden prompt on a terminal, else one
    line of stdin. Never from the command line itself."""
    if getattr(args, "password_on_argv", None) is not None:
        raise CliError(
            "cli.password_on_argv",
            "パスワードはコマンドラインで渡せません（履歴やプロセス一覧に残るため）。端末で入力するか、"
            "--password-env または標準入力で渡してください。",
            "Passwords are never taken from the command line (shell history and process lists keep "
            "them). Type it at the prompt, or use --password-env or stdin.",
        )
    var: Optional[str] = getattr(args, "password_env", None)
    if var:
        value = os.environ.get(var)
        if value is None:
            raise CliError(
                "cli.no_password",
                f"環境変数 {var} が設定されていません。",
                f"The environment variable {var} is not set.",
            )
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(out.t(prompt_ja, prompt_en) + ": ")
        except EOFError:
            pass
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if line:
            return line[:-1] if line.endswith("\n") else line
    raise CliError(
        "cli.no_password",
        "パスワードが入力されていません（端末で入力するか、--password-env または標準入力で渡してください）。",
        "No password given (type it at the prompt, or pass it with --password-env or on stdin).",
    )


def _add_password_source(p: argparse.ArgumentParser) -> None:
    # Accepted only to refuse it with a clear message (never echoed).
    p.add_argument("--password", dest="password_on_argv", metavar="PW", help=argparse.SUPPRESS)
    p.add_argument(
        "--password-env",
        metavar="VAR",
        help="パスワードを環境変数 VAR から読む（指定がなければ端末で入力、または標準入力の1行）"
        " / read the password from the environment variable VAR (else a prompt, or one line of stdin)",
    )


# --- subcommands -------------------------------------------------------------------


def cmd_facility(args: argparse.Namespace, out: Output) -> int:
    """``facility NUMBER``: checks a 事業所番号 and names its prefecture."""
    n = FacilityNumber(args.number)
    p = n.prefecture
    out.result(
        {
            "number": str(n),
            "prefecture": p.number,
            "prefecture_ja": p.name_ja,
            "prefecture_en": p.name_en,
        },
        [
            out.t(f"事業所番号: {n}", f"Facility number: {n}"),
            out.t(f"都道府県: {p.name_ja}（{p.code}）", f"Prefecture: {p.name_en} ({p.code})"),
        ],
    )
    return EXIT_OK


def cmd_user_id(args: argparse.Namespace, out: Output) -> int:
    """``user-id ID``: checks a portal user ID as it would be typed."""
    uid = UserId(args.id)
    out.result({"id": str(uid)}, [out.t(f"ユーザID: {uid}", f"User ID: {uid}")])
    return EXIT_OK


def cmd_prefectures(args: argparse.Namespace, out: Output) -> int:
    """``prefectures``: the 47 prefecture codes."""
    items = Prefecture.all()
    out.result(
        {"prefectures": [{"code": p.code, "ja": p.name_ja, "en": p.name_en} for p in items]},
        [f"{p.code} {p.name(out.lang)}" for p in items],
    )
    return EXIT_OK


def cmd_codes(args: argparse.Namespace, out: Output) -> int:
    """``codes``: every stable code the library can emit."""
    items: list[tuple[str, str, str, str]] = [(c.code, c.kind, c.severity, c.summary) for c in codes()]
    items += [(code, kind, "error", summary) for code, (kind, summary) in CLI_CODES.items()]
    out.result(
        {
            "codes": [
                {"code": c, "kind": k, "severity": sev, "summary": summ}
                for c, k, sev, summ in items
            ]
        },
        [f"{c:40} {k:16} {sev:8} {summ}" for c, k, sev, summ in items],
    )
    return EXIT_OK


def cmd_wareki(args: argparse.Namespace, out: Output) -> int:
    """``wareki TEXT``: converts a 和暦 (or western) date and shows it in every style."""
    d = parse_wareki(args.text, lenient=args.lenient)
    styles = {st: format_wareki(d, st) for st in ("long", "long_numeric", "short")}
    out.result(
        {"date": d.isoformat(), "wareki": styles},
        [f"{d.isoformat()}  {out.date(d)}  {styles['long']}  {styles['short']}"],
    )
    return EXIT_OK


def cmd_notice(args: argparse.Namespace, out: Output) -> int:
    """``notice FILE``: reads the registration notice's text (or, with ``--image``, a
    scan or photo through Tesseract) and says what it is for."""
    if args.page is not None and not args.image:
        raise CliError("cli.usage", "--page は --image と一緒に指定してください", "--page needs --image")
    if args.image:
        n = RegistrationNotice.from_image(read_bytes(args.file) if args.file != "-" else sys.stdin.buffer.read(),
                                          page=args.page)
    else:
        n = RegistrationNotice.parse(read_text(args.file, out))
    warnings = n.findings()
    data: dict[str, Any] = json.loads(n.to_json_with_secrets() if args.show_secrets else n.to_json())
    data["purpose_ja"] = n.purpose("ja")
    data["purpose_en"] = n.purpose("en")
    data["findings"] = [f.to_dict() for f in warnings]
    kind_text = {
        "test": out.t("テストIDのお知らせ（1通目）", "test-ID notice (the first letter)"),
        "production": out.t("本番用IDのお知らせ（2通目）", "production-ID notice (the second letter)"),
    }[n.kind]
    lines = [out.t(f"種類: {kind_text}", f"Kind: {kind_text}"), n.purpose(out.lang), ""]
    for label, value in n.public_fields(out.lang):
        if n.date is not None and value == n.date.isoformat():
            value = out.date(n.date)  # the command line's one date style (ISO in English and --json)
        lines.append(f"{label}: {value}")
    hidden = out.t("（非表示: --show-secrets で表示）", "(hidden: use --show-secrets)")
    for ja, en, value in (
        ("(仮)パスワード", "Temporary password", n.temporary_password()),
        ("証明書発行用パスワード", "Certificate password", n.certificate_password()),
    ):
        lines.append(f"{out.t(ja, en)}: {value if args.show_secrets else hidden}")
    for f in warnings:
        lines.append(out.t("注意", "note") + f" [{f.code}]: {f.message(out.lang)}")
    out.result(data, lines)
    return EXIT_OK


def cmd_password_check(args: argparse.Namespace, out: Output) -> int:
    """``password check``: every violation of the screen's rule, before typing it on the portal."""
    policy = PasswordPolicy.by_name(args.screen)
    pw = read_password(args, out, "確認するパスワード", "Password to check")
    found = policy.check(pw, args.user_id)
    errors = [f for f in found if f.severity == "error"]
    ok = not errors
    lines = [out.t("このパスワードは使えます。", "This password is acceptable.") if ok else out.t(
        "このパスワードは使えません:", "This password cannot be used:"
    )]
    for f in found:
        lines.append(f"  [{f.code}] {f.message(out.lang)}")
    lines.append(policy.advice(out.lang))
    out.result(
        {"acceptable": ok, "screen": args.screen, "findings": [f.to_dict() for f in found]},
        lines,
    )
    return EXIT_OK if ok else EXIT_PROBLEMS


def cmd_password_generate(args: argparse.Namespace, out: Output) -> int:
    """``password generate``: passwords that both screens accept, without look-alikes."""
    policy = PasswordPolicy.generation()
    if args.count < 1 or args.count > 100:
        raise CliError(
            "cli.usage",
            "--count は 1〜100 です。",
            "--count must be 1 to 100.",
        )
    pws = [policy.generate(args.length) for _ in range(args.count)]
    out.result({"passwords": pws}, pws)
    return EXIT_OK


def cmd_status(args: argparse.Namespace, out: Output) -> int:
    """``status STATE.json``: what is done and what to do next."""
    ob = Onboarding.from_json(read_text(args.state, out))
    today = _today(args)
    days: Optional[int] = args.reminders
    if days is not None and not 0 <= days <= 366:
        raise CliError(
            "cli.usage",
            "--reminders は 0〜366（日数）です。",
            "--reminders must be 0 to 366 (days).",
        )
    rulebook = _rulebook(args, out)
    ready = ob.readiness(today, rulebook)
    steps = {s.id: s for s in Step.all()}
    done = ob.completed()
    nxt = ob.next_steps()
    data: dict[str, Any] = {
        "facility_number": str(ob.facility_number),
        "all_required_done": ob.all_required_done(),
        "done": [{"step": sid, "on": on.isoformat()} for sid, on in done],
        "next_steps": [
            {"step": sid, "guide_page": steps[sid].guide_page, "title_ja": steps[sid].title("ja"),
             "title_en": steps[sid].title("en")}
            for sid in nxt
        ],
        "billing_pcs": ob.billing_pcs,
        "readiness": json.loads(ready.to_json()),
    }
    pref = ob.facility_number.prefecture
    lines = [
        out.t(f"事業所番号: {ob.facility_number}（{pref.name_ja}）",
              f"Facility number: {ob.facility_number} ({pref.name_en})"),
        out.t(f"完了: {len(done)}/{len(steps)}", f"Done: {len(done)}/{len(steps)}"),
    ]
    for sid, on in done:
        lines.append(f"  ✓ {out.date(on)} {steps[sid].guide_page:8} {steps[sid].title(out.lang)}")
    if nxt:
        lines.append(out.t("次にすること:", "Next:"))
        for sid in nxt:
            lines.append(f"  → {steps[sid].guide_page:8} {steps[sid].title(out.lang)}")
    elif ob.all_required_done():
        lines.append(out.t("必要な手順はすべて完了しています。", "Every required step is done."))
    w = ready.claim_window
    lines.append("")
    lines.append(out.t(f"使用した規則: {ready.rulebook_label('ja')}",
                       f"Rules used: {ready.rulebook_label('en')}"))
    lines.append(out.t(
        f"{out.date(today)}時点: 次の請求期間 {out.window(w.opens, w.closes, w.last_day)}"
        f"{_flag(ready.window_basis, out)} "
        + ("に請求できます。" if ready.can_bill else "は、このままでは請求できません。"),
        f"On {out.date(today)}: the next claim window ({out.window(w.opens, w.closes, w.last_day)}"
        f"{_flag(ready.window_basis, out)}) "
        + ("can be billed." if ready.can_bill else "cannot be billed yet."),
    ))
    for f in ready.findings:
        if f.severity == "info":
            continue
        by = ""
        if f.fix_by:
            by = out.t(f" — {out.date(f.fix_by)}まで", f" (by {out.date(f.fix_by)})")
        lines.append(f"  [{f.code}] {f.message(out.lang)}{by}")
    if ready.next_actions:
        lines.append(out.t("優先してすること:", "Do first:"))
        for a in ready.next_actions:
            due = out.t(f" — {out.date(a.due)}まで", f" (by {out.date(a.due)})") if a.due else ""
            lines.append(f"  → {a.guide_page:8} {a.message(out.lang)}{due}")
    if days is not None:
        reminders = ob.reminders(today, days, rulebook)
        data["reminders"] = [r.to_dict() for r in reminders]
        lines.append("")
        lines.append(out.t(f"今後{days}日のお知らせ:", f"Reminders for the next {days} days:"))
        if not reminders:
            lines.append(out.t("  （なし）", "  (none)"))
        for r in reminders:
            lines.append(f"  {out.date(r.date)} {r.message(out.lang)}{_flag(r.basis, out)}")
    out.result(data, lines)
    return EXIT_OK


def _flag(basis: Optional[str], out: Output) -> str:
    """Marks a date that rests on an unverified default rule (or an "about" day)."""
    if basis == "unverified":
        return out.t("※既定値・未確認", " [default rule, unverified]")
    if basis == "approximate":
        return out.t("※頃", " [approximate]")
    return ""


def _today(args: argparse.Namespace) -> "datetime.date":
    """``--today DATE`` (YYYY-MM-DD), else today's date in Japan (JST, whatever the machine's
    time zone): the command line reads the clock, the core never does (it takes the day)."""
    text: Optional[str] = getattr(args, "today", None)
    if text is None:
        return datetime.datetime.now(JST).date()
    try:
        day = parse_date(text)
    except HugOnboardError as e:
        # A bad option value is a usage error (exit 2), as the help says.
        raise CliError(
            "cli.usage",
            f"--today には実在する日付を YYYY-MM-DD で指定してください: {text!r}（{e.findings[0].message('ja')}）",
            f"--today takes an existing day as YYYY-MM-DD: {text!r} ({e.findings[0].message('en')})",
        ) from None
    try:
        is_holiday(day)  # the calendar's supported days (the core's range)
    except HugOnboardError as e:
        raise CliError(
            "cli.usage",
            f"--today: {e.findings[0].message('ja')}",
            f"--today: {e.findings[0].message('en')}",
        ) from None
    return day


def _rulebook(args: argparse.Namespace, out: Output) -> Optional[Rulebook]:
    """``--rulebook FILE`` (JSON, or TOML when the name ends in .toml), else None (the default)."""
    path: Optional[str] = getattr(args, "rulebook", None)
    if not path:
        return None
    text = read_text(path, out)
    return Rulebook.from_toml(text) if path.lower().endswith(".toml") else Rulebook.from_json(text)


def cmd_cert(args: argparse.Namespace, out: Output) -> int:
    """``cert FILE``: what a .p12 holds (password from a prompt, an env var or stdin), status, renewal."""
    data = read_bytes(args.file)
    pw = read_password(args, out, "証明書発行用パスワード", "Certificate password")
    cert = Certificate.from_pkcs12(data, pw) if args.full else Certificate.inspect_pkcs12(data, pw)
    if not cert.password_verified and cert.has_private_key and not cert.private_key_checked:
        # No MAC and no encrypted certificate proved the password: the key's
        # decryption does (a wrong password fails here, exit 4).
        cert = Certificate.from_pkcs12(data, pw)
    today = _today(args)
    rulebook = _rulebook(args, out)
    st = cert.status(today, rulebook)
    plan = cert.renewal_plan(today, rulebook)
    found = cert.findings(args.facility) if args.facility else cert.findings()
    fn = cert.facility_number
    subject = ", ".join(f"{k}={v}" for k, v in cert.subject)
    issuer = ", ".join(f"{k}={v}" for k, v in cert.issuer)
    data_out: dict[str, Any] = {
        "subject": [list(a) for a in cert.subject],
        "issuer": [list(a) for a in cert.issuer],
        "serial_hex": cert.serial_hex,
        "not_before": cert.not_before.isoformat(),
        "not_after": cert.not_after.isoformat(),
        "valid_from_jst": cert.valid_from_jst.isoformat(),
        "valid_to_jst": cert.valid_to_jst.isoformat(),
        "sha256_fingerprint": cert.sha256_fingerprint,
        "facility_number": str(fn) if fn is not None else None,
        "has_private_key": cert.has_private_key,
        "private_key_checked": cert.private_key_checked,
        "password_verified": cert.password_verified,
        "leaf_basis": cert.leaf_basis,
        "chain": [{"subject": [list(a) for a in c.subject], "valid_to_jst": c.valid_to_jst.isoformat()}
                  for c in cert.chain],
        "today": today.isoformat(),
        "status": {"kind": st.kind, "code": st.code, "days_left": st.days_left,
                   "message_ja": st.message("ja"), "message_en": st.message("en")},
        "renewal": {"code": plan.code, "apply_by": plan.apply_by.isoformat(),
                    "install_by": plan.install_by.isoformat(), "passed": plan.passed,
                    "message_ja": plan.message("ja"), "message_en": plan.message("en")},
        "findings": [f.to_dict() for f in found],
    }
    yes, no = out.t("あり", "yes"), out.t("なし", "no")
    lines = [
        out.t(f"主体者: {subject}", f"Subject: {subject}"),
        out.t(f"発行者: {issuer}", f"Issuer: {issuer}"),
        out.t(f"事業所番号: {fn if fn is not None else 'なし'}",
              f"Facility number: {fn if fn is not None else 'none'}"),
        out.t(f"有効期間（日本時間）: {out.date(cert.valid_from_jst)} 〜 {out.date(cert.valid_to_jst)}",
              f"Valid (JST): {out.date(cert.valid_from_jst)} to {out.date(cert.valid_to_jst)}"),
        out.t(f"シリアル番号: {cert.serial_hex}", f"Serial: {cert.serial_hex}"),
        out.t(f"SHA-256: {cert.sha256_fingerprint}", f"SHA-256: {cert.sha256_fingerprint}"),
        out.t(f"秘密鍵: {yes if cert.has_private_key else no}",
              f"Private key: {yes if cert.has_private_key else no}"),
        out.t("パスワード: " + ("確認済み" if cert.password_verified else "未確認（ファイルに確認する仕組みがありません）"),
              "Password: " + ("verified" if cert.password_verified else "NOT verified (nothing in the file can check it)")),
        "",
        out.t(f"{out.date(today)}時点の状態: ", f"Status on {out.date(today)}: ") + st.message(out.lang),
        out.t("更新: ", "Renewal: ") + plan.message(out.lang),
    ]
    for f in found:
        lines.append(out.t("注意", "note") + f" [{f.code}]: {f.message(out.lang)}")
    out.result(data_out, lines)
    bad = st.kind == "expired" or any(f.severity != "info" for f in found)
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_calendar(args: argparse.Namespace, out: Output) -> int:
    """``calendar YYYY-MM``: the billing schedule of a service month (``--ics`` for iCalendar)."""
    rulebook = _rulebook(args, out)
    if rulebook is None and args.prefecture is not None:
        rulebook = _find_rulebook(args.prefecture)  # "" is refused, not the default rulebook
    cal = BillingCalendar(rulebook, facility=args.facility if rulebook is None else None)
    s = cal.schedule(args.month)
    if args.ics:
        text = cal.to_ics(args.month, args.until or args.month, uid_scope=args.uid_scope or "")
        out.stdout.write(text)
        return EXIT_OK
    w = s.claim_window
    docs = s.documents
    data: dict[str, Any] = {
        "service_month": s.service_month,
        "claim_month": s.claim_month,
        "rulebook": s.rulebook_id,
        "rulebook_label_ja": cal.rulebook.label("ja"),
        "rulebook_label_en": cal.rulebook.label("en"),
        "window_basis": s.window_basis,
        "closing_time_basis": s.closing_time_basis,
        "payment_basis": s.payment_basis,
        "claim_window": {"opens": w.opens.isoformat(), "closes": w.closes.isoformat(),
                         "last_day": w.last_day.isoformat()},
        "documents": [{"kind": d.kind, "name_ja": d.name_ja, "name_en": d.name_en,
                       "date": d.date.isoformat(), "only_if_returns": d.only_if_returns,
                       "sources": d.sources, "basis": d.basis} for d in docs],
        "payment_date": s.payment_date.isoformat(),
        "provisional": s.provisional,
    }
    lines = [
        out.t(f"{out.month(s.service_month)}提供分（請求月 {out.month(s.claim_month)}）",
              f"Services of {s.service_month} (claimed in {s.claim_month})"),
        out.t(f"規則: {cal.rulebook.label('ja')}", f"Rules: {cal.rulebook.label('en')}"),
        out.t(f"請求期間: {out.window(w.opens, w.closes, w.last_day)}"
              f"{_flag(s.window_basis, out)}{_flag(s.closing_time_basis, out) if s.window_basis == 'sourced' else ''}",
              f"Claim window: {out.window(w.opens, w.closes, w.last_day)} (JST)"
              f"{_flag(s.window_basis, out)}{_flag(s.closing_time_basis, out) if s.window_basis == 'sourced' else ''}"),
    ]
    for d in docs:
        cond = out.t("（返戻があった場合）", " (only if claims were returned)") if d.only_if_returns else ""
        lines.append(f"  {out.date(d.date)}  {d.name(out.lang)}{cond}{_flag(d.basis, out)}")
    lines.append(out.t(f"支払日: {out.date(s.payment_date)}{_flag(s.payment_basis, out)}",
                       f"Payment: {out.date(s.payment_date)}{_flag(s.payment_basis, out)}"))
    if s.provisional:
        lines.append(out.t("※ 祝日が未公表の年を含むため暫定です。", "Note: provisional (holidays of a year not yet announced)."))
    out.result(data, lines)
    return EXIT_OK


_BASIS_JA = {"sourced": "出典あり", "approximate": "出典あり・頃", "unverified": "既定値（未確認）"}
_BASIS_EN = {"sourced": "sourced", "approximate": "sourced, approximate (about)", "unverified": "default (unverified)"}


def _field_value(rules: dict[str, Any], path: str) -> Any:
    v: Any = rules
    for part in path.split("."):
        v = v.get(part) if isinstance(v, dict) else None
    return v


def _find_rulebook(text: str) -> Rulebook:
    """A prefecture code (``26``), a facility number, a rulebook id (``kyoto``) or a prefecture name."""
    t = text.strip()
    if t.isdigit() and len(t) <= 2:
        return Rulebook.for_prefecture(t.zfill(2))
    if len(t) >= 10 and any(c.isdigit() for c in t):
        return Rulebook.for_facility(t)
    for rb in Rulebook.registry():
        pref = Prefecture.from_code(rb.prefecture or "")
        if t.lower() in (rb.id, pref.name_en.lower()) or t in (pref.name_ja, pref.name_ja[:-1]):
            return rb
    return Rulebook.for_prefecture(t)  # raises rulebook.unknown_prefecture


def cmd_rules(args: argparse.Namespace, out: Output) -> int:
    """``rules [PREFECTURE]``: a 国保連's rules with their sources (all 47 without an argument)."""
    if not args.prefecture:
        books = Rulebook.registry()
        data_all = [{"prefecture": rb.prefecture, "id": rb.id, "name_ja": rb.name_ja, "name_en": rb.name_en,
                     "label_ja": rb.label("ja"), "label_en": rb.label("en"),
                     "sourced_fields": sorted(rb.sources)} for rb in books]
        lines = [out.t("国保連ごとの規則（出典のある項目の数）:", "Each 国保連's rules (number of sourced fields):")]
        for rb in books:
            lines.append(f"  {rb.prefecture} {rb.id:10} {len(rb.sources):2}  {rb.label(out.lang)}")
        lines.append(out.t("詳細: hug-onboard rules 26", "Details: hug-onboard rules 26"))
        out.result({"rulebooks": data_all}, lines)
        return EXIT_OK
    rb = _find_rulebook(args.prefecture)
    rules = json.loads(rb.to_json())
    fields = []
    for path in Rulebook.field_paths():
        src = rb.sources.get(path)
        fields.append({"field": path, "value": _field_value(rules, path), "basis": rb.field_basis(path),
                       "source": src})
    data = {"id": rb.id, "prefecture": rb.prefecture, "name_ja": rb.name_ja, "name_en": rb.name_en,
            "label_ja": rb.label("ja"), "label_en": rb.label("en"), "fields": fields, "notes": rb.notes}
    basis_names = _BASIS_JA if out.lang == "ja" else _BASIS_EN
    lines = [f"{rb.prefecture} {rb.name(out.lang)}", rb.label(out.lang), ""]
    for f in fields:
        if f["basis"] == "unverified" and not args.all:
            continue
        lines.append(f"  {f['field']} = {json.dumps(f['value'], ensure_ascii=False)}  [{basis_names[f['basis']]}]")
        src = f["source"]
        if src:
            lines.append(f"      {src['url']}" + (f"  ({src['note']})" if src.get("note") else ""))
    unverified = sum(1 for f in fields if f["basis"] == "unverified")
    lines.append(out.t(f"  ほか {unverified} 項目は既定値（未確認）です（--all で表示）。",
                       f"  {unverified} other fields are defaults, unverified (--all to list them)."))
    if rb.notes:
        lines.append(out.t("記録のみ（適用しない）:", "Recorded, not applied:"))
        for n in rb.notes:
            lines.append(f"  [{n['kind']}] {n['field'] or ''} {n['text']}")
            lines.append(f"      {n['url']}")
    out.result(data, lines)
    return EXIT_OK


def cmd_walkthrough(args: argparse.Namespace, out: Output) -> int:
    """``walkthrough``: a sample facility through the whole guide, on built-in sample data."""
    from ._walkthrough import walkthrough

    lines: list[str] = []
    summary = walkthrough(out.lang, lines.append, _today(args), out.date)
    out.result({"all_required_done": summary["all_required_done"], "next_steps": summary["next_steps"],
                "state": json.loads(summary["state"])}, lines)
    return EXIT_OK


# --- the parser --------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are bilingual, coded, and exit with EXIT_USAGE."""

    out: Optional[Output] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No abbreviations: "--password X" must never be taken for "--password-env X".
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        out = _Parser.out
        err = CliError(
            "cli.usage",
            f"コマンドの指定が正しくありません: {message}（--help で使い方を表示します）",
            f"Invalid command line: {message} (see --help)",
        )
        if out is not None:
            out.error(err)
            if not out.as_json:
                out.stderr.write(self.format_usage())
        else:
            sys.stderr.write(str(err) + "\n")
        raise SystemExit(EXIT_USAGE)


Handler = Callable[[argparse.Namespace, Output], int]

_EPILOG = "終了コード / exit codes:" + (__doc__ or "Exit codes:").split("Exit codes:", 1)[1]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=["ja", "en"],
        default=argparse.SUPPRESS,
        help="出力の言語 / output language (default: ja, or $HUG_ONBOARD_LANG)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="JSON で出力（日付は ISO 形式）/ print JSON for machines (ISO dates)",
    )
    common.add_argument(
        "--wareki",
        action="store_true",
        default=argparse.SUPPRESS,
        help="日付を和暦で表示（令和9年1月15日（金））/ Japanese output: dates in 和暦",
    )
    parser = _Parser(
        prog="hug-onboard",
        description="国保連の電子請求への移行を支援するコマンド / onboarding to 国保連 electronic billing",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"hug-onboard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        p.set_defaults(func=handler)
        return p

    p = add("facility", cmd_facility, "事業所番号を確認する / check a facility number (事業所番号)")
    p.add_argument("number", help="事業所番号（10桁）/ the 10-digit facility number")
    p = add("user-id", cmd_user_id, "ユーザIDを確認する / check a portal user ID")
    p.add_argument("id", help="ユーザID / the user ID")
    p = add("wareki", cmd_wareki, "和暦を変換する / convert a 和暦 date (令和元年6月3日, R1.6.3)")
    p.add_argument("text", help="日付 / the date as written")
    p.add_argument("--lenient", action="store_true", help="元号の範囲外も変換 / accept 平成32年 etc.")
    p = add(
        "notice",
        cmd_notice,
        "お知らせ（電子請求登録結果）を読む / read a registration notice's text",
    )
    p.add_argument("file", help="お知らせのテキストファイル（- で標準入力）/ the notice's text file (- for stdin)")
    p.add_argument(
        "--image",
        action="store_true",
        help="FILE はスキャン・写真（Tesseract で読み取り。hug-onboard[ocr] が必要）/ "
        "FILE is a scan or photo (read with Tesseract; needs hug-onboard[ocr])",
    )
    p.add_argument(
        "--page",
        type=int,
        metavar="N",
        help="--image のファイル（PDF・複数ページの TIFF）の N ページ目を読む（1 から）/ "
        "read page N (from 1) of the --image file (a PDF, a multi-page TIFF)",
    )
    p.add_argument(
        "--show-secrets",
        action="store_true",
        help="パスワードも表示 / also print the passwords (never in logs)",
    )
    pw = sub.add_parser(
        "password",
        help="パスワードの確認・生成 / check or generate a portal password",
        parents=[common],
    )
    pw_sub = pw.add_subparsers(dest="password_command", metavar="ACTION", parser_class=_Parser)
    pw_sub.required = True
    p = pw_sub.add_parser(
        "check",
        help="パスワードが画面の規則に合うか確認 / check a password against the screen's rule",
        parents=[common],
    )
    p.set_defaults(func=cmd_password_check)
    p.add_argument(
        "--screen",
        choices=["test", "production", "generation"],
        default="production",
        help="どの画面の規則か（既定: production）/ which screen's rule (default: production)",
    )
    p.add_argument("--user-id", help="ユーザID（同じパスワードは不可）/ the user ID (the password must differ)")
    _add_password_source(p)
    p = pw_sub.add_parser(
        "generate",
        help="両方の画面で使えるパスワードを生成 / generate passwords both screens accept",
        parents=[common],
    )
    p.set_defaults(func=cmd_password_generate)
    lo, hi = PasswordPolicy.generation().generate_lengths() or (0, 0)
    p.add_argument(
        "--length", type=int, default=12, help=f"文字数 {lo}〜{hi}（既定 12）/ length {lo}-{hi} (default 12)"
    )
    p.add_argument("--count", type=int, default=1, help="個数（既定 1）/ how many (default 1)")
    p = add("status", cmd_status, "オンボーディングの進み具合 / onboarding progress from a state file")
    p.add_argument("state", help="状態ファイル（JSON）/ the state file (JSON)")
    p.add_argument("--today", metavar="DATE", help="基準日 YYYY-MM-DD（既定: 日本時間の今日）/ the day to judge (default: today in Japan)")
    p.add_argument(
        "--reminders",
        metavar="N",
        type=int,
        help="今後N日のお知らせも表示（0〜366）/ also list the reminders of the next N days (0-366)",
    )
    p.add_argument("--rulebook", metavar="FILE", help="国保連の規則（JSON/TOML）/ the federation's rulebook")
    p = add(
        "cert",
        cmd_cert,
        "電子証明書（.p12）の内容・有効期限・更新時期 / what a certificate file holds, its status and renewal",
    )
    p.add_argument("file", help="証明書ファイル（.p12）/ the certificate file (.p12)")
    _add_password_source(p)
    p.add_argument("--today", metavar="DATE", help="基準日 YYYY-MM-DD（既定: 日本時間の今日）/ the day to judge (default: today in Japan)")
    p.add_argument("--facility", metavar="NUMBER", help="この事業所のものか確認 / check it is this facility's")
    p.add_argument("--rulebook", metavar="FILE", help="国保連の規則（JSON/TOML）/ the federation's rulebook")
    p.add_argument(
        "--full",
        action="store_true",
        help="秘密鍵も復号して照合（遅い）/ also decrypt and check the private key (slower)",
    )
    p = add("calendar", cmd_calendar, "サービス提供月の請求日程 / the billing schedule of a service month")
    p.add_argument("month", metavar="YYYY-MM", help="サービス提供月 / the service month")
    p.add_argument("--ics", action="store_true", help="iCalendar で出力 / print an iCalendar file")
    p.add_argument("--until", metavar="YYYY-MM", help="--ics: この月まで / --ics: up to this service month")
    p.add_argument("--uid-scope", metavar="TEXT", help="--ics: UID に加える（事業所番号など）/ added to UIDs")
    p.add_argument("--rulebook", metavar="FILE", help="国保連の規則（JSON/TOML）/ the federation's rulebook")
    p.add_argument("--facility", metavar="NUMBER",
                   help="この事業所の国保連の規則で / with this facility's own 国保連 rules")
    p.add_argument("--prefecture", metavar="PREFECTURE",
                   help="この都道府県の国保連の規則で（コード・名前、rules と同じ）/ with this prefecture's 国保連 rules "
                        "(code or name, as for rules)")
    p = add("rules", cmd_rules, "国保連ごとの規則と出典 / a 国保連's rules with their sources")
    p.add_argument("prefecture", nargs="?", metavar="PREFECTURE",
                   help="都道府県コード・名前・事業所番号（省略で一覧）/ prefecture code, name or facility number "
                        "(all 47 when omitted)")
    p.add_argument("--all", action="store_true", help="既定値の項目も表示 / also list the default fields")
    p = add("walkthrough", cmd_walkthrough, "見本の事業所で手順を一通り実行 / the whole guide on sample data")
    p.add_argument("--today", metavar="DATE", help="基準日 YYYY-MM-DD（既定: 日本時間の今日）/ the day to judge (default: today in Japan)")
    add("prefectures", cmd_prefectures, "都道府県番号の一覧 / list the prefecture codes")
    add("codes", cmd_codes, "エラーコードの一覧 / list every stable error code")
    return parser


def _prescan_lang(argv: Sequence[str]) -> str:
    """The output language before argparse runs (so that its errors are in it too)."""
    lang = _env_lang() or "ja"
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    return "en" if lang == "en" else "ja"


def _env_lang() -> Optional[str]:
    """``$HUG_ONBOARD_LANG`` as ``ja``/``en`` (case, spaces and a locale's region and encoding, as in
    ``ja_JP.UTF-8``, ignored), None when unset or empty, ``"?"`` for any other value (a usage error
    unless ``--lang``, ``--help`` or ``--version`` is given)."""
    # A locale-style value (ja_JP.UTF-8, en-US) counts by its language.
    v = os.environ.get(LANG_ENV, "").strip().lower().split(".")[0].replace("-", "_").split("_")[0]
    return None if not v else v if v in ("ja", "en") else "?"


def _check_env_lang(argv: Sequence[str]) -> None:
    """A bad ``$HUG_ONBOARD_LANG`` is a usage error, not silently Japanese (``--lang`` overrides it)."""
    if _env_lang() != "?" or any(a in ("--lang", "-h", "--help", "--version") or a.startswith("--lang=") for a in argv):
        return
    raise CliError(
        "cli.usage",
        f"環境変数 {LANG_ENV} の値「{os.environ.get(LANG_ENV, '')}」は使えません。ja か en にするか、"
        "設定を消してください（--lang で指定することもできます）。",
        f"The environment variable {LANG_ENV} is {os.environ.get(LANG_ENV, '')!r}; set it to ja or en, "
        "or unset it (--lang overrides it).",
    )


def main(
    argv: Optional[Sequence[str]] = None,
    stdout: Optional[TextIO] = None,
    stderr: Optional[TextIO] = None,
) -> int:
    """Runs the command line; returns the exit code (never raises, never prints a traceback)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # A terminal that cannot show Japanese (PYTHONIOENCODING=ascii, cp932 without a
    # character) gets escapes instead of an output error: a UnicodeEncodeError here was
    # reported as undecodable input, and with --json the error itself failed to print.
    for stream in (stdout if stdout is not None else sys.stdout, stderr if stderr is not None else sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass  # a stream that cannot be reconfigured keeps its own handling
    out = Output(
        _prescan_lang(args_list),
        "--json" in args_list,
        stdout if stdout is not None else sys.stdout,
        stderr if stderr is not None else sys.stderr,
    )
    _Parser.out = out
    try:
        _check_env_lang(args_list)
        try:
            args = build_parser().parse_args(args_list)
        except SystemExit as e:  # --help, --version, or a usage error already printed
            code = e.code
            return code if isinstance(code, int) else EXIT_USAGE
        out.lang = getattr(args, "lang", out.lang)
        out.as_json = bool(getattr(args, "json", False))
        out.wareki = bool(getattr(args, "wareki", False))
        handler: Handler = args.func
        return handler(args, out)
    except (HugOnboardError, UnicodeError) as e:
        if isinstance(e, HugOnboardError) and e.code != "binding.invalid_text":
            out.error(e)
            return exit_code_for(e)
        # Bytes that are not UTF-8 in argv or stdin reach the library as lone surrogates, which it
        # refuses (binding.invalid_text). Nothing of them is shown, not even the code point or its
        # position: they may be a password.
        err = CliError(
            "cli.not_utf8",
            "入力（コマンドの引数・環境変数・標準入力）に UTF-8 の文字として読めないバイトがあります。"
            "文字コードを UTF-8 にして入力し直してください。",
            "An argument, an environment variable or the standard input has bytes that are not UTF-8 "
            "text; enter it again as UTF-8.",
        )
        out.error(err)
        return exit_code_for(err)
    except KeyboardInterrupt:
        out.stderr.write(out.t("中断しました。\n", "Interrupted.\n"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # the last line of defence: no traceback for users
        if os.environ.get("HUG_ONBOARD_DEBUG"):
            raise
        err = CliError(
            "cli.internal",
            f"内部エラーが発生しました（不具合です）: {type(e).__name__}: {e}",
            f"Internal error (a bug): {type(e).__name__}: {e}",
        )
        out.error(err)
        return EXIT_INTERNAL
    finally:
        _Parser.out = None
