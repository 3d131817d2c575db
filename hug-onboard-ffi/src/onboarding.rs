//! The onboarding state of a facility: the guide's steps with evidence, the readiness
//! report on a day, reminders, and the batch evaluation of many facilities.
//!
//! Steps are named by their stable string ids (`"receive_documents"`, `"submit_todoke"`,
//! `"test_login"`, … listed by `hug_onboarding_steps_json`).

use std::ffi::c_char;

use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::onboarding::{
    BatchContext, CertificateEvidence, Evidence, Onboarding, Step, WorkflowError, evaluate_many,
};

use crate::certificate::hug_certificate;
use crate::error::{
    Failure, FfiProblem, arg_mut, arg_out, arg_ref, arg_str, ffi_boundary, hug_status,
    new_c_string, new_json_string,
};
use crate::hug_date;
use crate::notice::hug_notice;
use crate::schedule::hug_billing_calendar;

/// One facility's onboarding state. Opaque; made by `hug_onboarding_new` or
/// `hug_onboarding_from_json`, freed by `hug_onboarding_free`. It holds no secret.
/// Functions taking `const hug_onboarding *` only read it (threads may share it);
/// the others change it and need it to themselves during the call.
pub struct hug_onboarding {
    inner: Onboarding,
}

fn wf(e: WorkflowError) -> Failure {
    Failure::diag(&e)
}

fn step_arg(p: *const c_char) -> Result<Step, Failure> {
    // SAFETY: forwarded caller's contract (NULL or NUL-terminated).
    let id = unsafe { arg_str(p, "step") }?;
    Step::parse(id).ok_or_else(|| wf(WorkflowError::UnknownStep { id: id.to_owned() }))
}

/// Starts the onboarding of a facility (nothing done yet).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`facility.*`).
///
/// # Safety
/// `facility_number` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_new(
    facility_number: *const c_char,
    out: *mut *mut hug_onboarding,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_str(facility_number, "facility_number") }?;
        let out = arg_out(out, "out")?;
        let n = FacilityNumber::parse(n).map_err(|e| Failure::diag(&e))?;
        out.write(Box::into_raw(Box::new(hug_onboarding {
            inner: Onboarding::new(n),
        })));
        Ok(())
    })
}

/// Loads a state saved by `hug_onboarding_to_json` (schema `hug-onboard/onboarding-state`,
/// versioned; see the core's `onboarding` module).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (`state.invalid`,
/// `state.unsupported_version`).
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_from_json(
    json: *const c_char,
    out: *mut *mut hug_onboarding,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let ob = Onboarding::from_json(json).map_err(|e| Failure::diag(&e))?;
        out.write(Box::into_raw(Box::new(hug_onboarding { inner: ob })));
        Ok(())
    })
}

/// Frees a state. NULL is accepted and ignored.
///
/// # Safety
/// `onboarding` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_free(onboarding: *mut hug_onboarding) {
    crate::error::guard((), || {
        if !onboarding.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(onboarding) });
        }
    })
}

/// Saves the state as JSON (no secret in it), to be loaded by `hug_onboarding_from_json`.
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `onboarding` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_to_json(
    onboarding: *const hug_onboarding,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_ref(onboarding, "onboarding") }?;
        let out = arg_out(out_json, "out_json")?;
        out.write(new_c_string(o.inner.to_json())?);
        Ok(())
    })
}

fn complete(o: &mut hug_onboarding, step: Step, on: hug_date, ev: Evidence) -> Result<(), Failure> {
    let on = on.to_naive("on")?;
    o.inner.complete(step, on, ev).map_err(wf)
}

/// Records a step as done on `on`, with its evidence as JSON (optional: NULL for none).
/// Evidence JSON, by `type`: `{"type":"none"}`, `{"type":"notice","notice":{...}}`,
/// `{"type":"certificate","certificate":{"valid_from":"2023-09-15","valid_until":"2026-09-15",...}}`,
/// `{"type":"installation","pc":"受付PC","certificate":{...}}`, `{"type":"profile","profile":{...}}`.
/// Prefer `hug_onboarding_complete_with_notice` / `_with_certificate` for the common cases.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`); `HUG_ERR_VALIDATION` (`workflow.*`: unknown step,
/// prerequisite missing, already done, evidence mismatch, wrong notice, …).
///
/// # Safety
/// `onboarding` live and used by no other thread; `step` NUL-terminated;
/// `evidence_json` optional: NULL (no evidence) or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_complete(
    onboarding: *mut hug_onboarding,
    step: *const c_char,
    on: hug_date,
    evidence_json: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_mut(onboarding, "onboarding") }?;
        let step = step_arg(step)?;
        let ev = if evidence_json.is_null() {
            Evidence::None
        } else {
            // SAFETY: caller's contract.
            let j = unsafe { arg_str(evidence_json, "evidence_json") }?;
            serde_json::from_str(j).map_err(|e| {
                Failure::ffi(FfiProblem::InvalidJson {
                    param: "evidence_json",
                    reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
                })
            })?
        };
        complete(o, step, on, ev)
    })
}

/// Records a step as done with a registration notice as evidence (`receive_documents`
/// with the test notice, `receive_production_notice` with the production one). Only the
/// notice's public facts are kept, never its passwords.
///
/// # Errors
/// As `hug_onboarding_complete` (`workflow.wrong_notice` when it is the other notice,
/// `workflow.facility_mismatch` when it is another facility's).
///
/// # Safety
/// `onboarding` live and used by no other thread; `step` NUL-terminated;
/// `notice` live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_complete_with_notice(
    onboarding: *mut hug_onboarding,
    step: *const c_char,
    on: hug_date,
    notice: *const hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_mut(onboarding, "onboarding") }?;
        let step = step_arg(step)?;
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        complete(o, step, on, Evidence::notice(n.inner()))
    })
}

/// Records a step as done with a certificate as evidence (`certificate_issued`), or, when
/// `pc` is given, its installation on that billing PC (`install_certificate`).
/// `pc` is optional (NULL: no PC).
///
/// # Errors
/// As `hug_onboarding_complete`; `HUG_ERR_VALIDATION` (`certificate.unverified_evidence`)
/// when the certificate's password was never verified (see `hug_certificate_password_verified`).
///
/// # Safety
/// `onboarding` live and used by no other thread; `step` NUL-terminated; `cert` live;
/// `pc` optional: NULL (no PC) or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_complete_with_certificate(
    onboarding: *mut hug_onboarding,
    step: *const c_char,
    on: hug_date,
    cert: *const hug_certificate,
    pc: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_mut(onboarding, "onboarding") }?;
        let step = step_arg(step)?;
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        // A file whose password was never verified is no evidence.
        let evidence = CertificateEvidence::from_p12(c.p12_info())
            .map_err(|e| crate::certificate::cert_failure(&e))?;
        let ev = if pc.is_null() {
            Evidence::Certificate {
                certificate: evidence,
            }
        } else {
            // SAFETY: caller's contract.
            let pc = unsafe { arg_str(pc, "pc") }?;
            Evidence::Installation {
                pc: pc.to_owned(),
                certificate: Some(evidence),
            }
        };
        complete(o, step, on, ev)
    })
}

/// Undoes a step (a mistake in the record).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`workflow.unknown_step`,
/// `workflow.not_done`, `workflow.has_dependents`).
///
/// # Safety
/// `onboarding` live and used by no other thread; `step` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_undo(
    onboarding: *mut hug_onboarding,
    step: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_mut(onboarding, "onboarding") }?;
        let step = step_arg(step)?;
        o.inner.undo(step).map_err(wf)
    })
}

/// Adds a billing PC by name (each needs the certificate and 取込送信V2).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`workflow.*`).
///
/// # Safety
/// `onboarding` live and used by no other thread; `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_add_billing_pc(
    onboarding: *mut hug_onboarding,
    name: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_mut(onboarding, "onboarding") }?;
        // SAFETY: caller's contract.
        let name = unsafe { arg_str(name, "name") }?;
        o.inner.add_billing_pc(name).map_err(wf)
    })
}

/// Whether a step is done.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`workflow.unknown_step`).
///
/// # Safety
/// `onboarding` live; `step` NUL-terminated; `out_done` writable.
/// Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_is_done(
    onboarding: *const hug_onboarding,
    step: *const c_char,
    out_done: *mut bool,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_ref(onboarding, "onboarding") }?;
        let step = step_arg(step)?;
        let out = arg_out(out_done, "out_done")?;
        out.write(o.inner.is_done(step));
        Ok(())
    })
}

/// The steps that can be done now (prerequisites met, not yet done) as a JSON array of
/// step ids, in the guide's order: `["submit_todoke","test_login"]`. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `onboarding` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_next_steps_json(
    onboarding: *const hug_onboarding,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_ref(onboarding, "onboarding") }?;
        let out = arg_out(out_json, "out_json")?;
        let ids: Vec<&str> = o.inner.next_steps().iter().map(|s| s.id()).collect();
        out.write(new_json_string(&ids)?);
        Ok(())
    })
}

/// Every step of the guide as JSON, in order:
/// `[{"id":"submit_todoke","guide_page":"P3","title_ja":"…","title_en":"…","optional":false,"prerequisites":["receive_documents"]}, ...]`.
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_steps_json(out_json: *mut *mut c_char) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out_json, "out_json")?;
        let v: Vec<_> = Step::ALL
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id(),
                    "guide_page": s.guide_page(),
                    "title_ja": s.title(hug_onboard_core::Lang::Ja),
                    "title_en": s.title(hug_onboard_core::Lang::En),
                    "optional": s.is_optional(),
                    "prerequisites": s.prerequisites().iter().map(|p| p.id()).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.write(new_json_string(&v)?);
        Ok(())
    })
}

/// The billing calendar given, or the facility's own 国保連's.
fn resolve<'a>(
    b: Option<&'a hug_billing_calendar>,
    o: &Onboarding,
) -> Result<std::borrow::Cow<'a, hug_onboard_core::schedule::BillingCalendar>, Failure> {
    match b {
        Some(b) => Ok(std::borrow::Cow::Borrowed(b.inner())),
        None => o
            .own_calendar()
            .map(std::borrow::Cow::Owned)
            .map_err(|p| Failure::problems(&p)),
    }
}

/// The readiness report on `today` with `billing`'s rulebook (NULL: the facility's own
/// 国保連 rulebook from the registry, as `hug_billing_calendar_for_facility`): whether the facility can
/// bill in the coming claim window (written to `out_can_bill`), and the whole report as
/// JSON (free with `hug_string_free`): `{"facility_number","today","claim_month","window":{"opens","closes"},
/// "window_basis","rulebook":{"id","prefecture","sourced","label_ja","label_en"},
/// "can_bill","findings":[{"code","severity","guide_page","fix_by","fix_by_basis","message_ja","message_en"}],
/// "next_actions":[{"code","step_id","guide_page","due","due_basis","message_ja","message_en"}]}`;
/// a basis is `"sourced"`, `"approximate"` (頃) or `"unverified"` (a default rule);
/// findings are blockers (`error`), warnings and notes, most serious and most urgent first.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`).
///
/// # Safety
/// `onboarding` live; `billing` optional: NULL (the facility's own 国保連's rulebook) or live;
/// out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_readiness_json(
    onboarding: *const hug_onboarding,
    today: hug_date,
    billing: *const hug_billing_calendar,
    out_can_bill: *mut bool,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_ref(onboarding, "onboarding") }?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract (optional pointer).
        let b = unsafe { billing.as_ref() };
        let (oc, oj) = (
            arg_out(out_can_bill, "out_can_bill")?,
            arg_out(out_json, "out_json")?,
        );
        let r = o.inner.readiness(today, &*resolve(b, &o.inner)?);
        let json = new_json_string(&r)?;
        oc.write(r.can_bill);
        oj.write(json);
        Ok(())
    })
}

/// What to remind the facility of in the `days` days from `today` (at most the core's
/// maximum): window opening and closing, certificate milestones and renewal deadline,
/// document releases, payment, the next onboarding action, with `billing`'s rulebook
/// (NULL: the facility's own 国保連 rulebook). JSON, in date order:
/// `[{"date":"2026-12-01","code":"reminder.window_opens","basis":"unverified","message_ja":"…","message_en":"…"}, ...]`
/// (`basis`: what the date rests on, `"sourced"`, `"approximate"` or `"unverified"`).
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`).
///
/// # Safety
/// `onboarding` live; `billing` optional: NULL (the facility's own 国保連's rulebook) or live;
/// `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_reminders_json(
    onboarding: *const hug_onboarding,
    today: hug_date,
    days: u32,
    billing: *const hug_billing_calendar,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let o = unsafe { arg_ref(onboarding, "onboarding") }?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract (optional pointer).
        let b = unsafe { billing.as_ref() };
        let out = arg_out(out_json, "out_json")?;
        out.write(new_json_string(&o.inner.reminders(
            today,
            days,
            &*resolve(b, &o.inner)?,
        ))?);
        Ok(())
    })
}

/// Evaluates many facilities at once (代理請求, a whole customer base): `states_json` is a
/// JSON array of saved states; `agent_certificates_json` is optional (NULL: none), a JSON array
/// of 代理請求 agent certificates, each serving up to 100 facilities; `billing` is optional (NULL:
/// each facility is judged with its own 国保連's rulebook; a calendar: one rulebook for all):
/// `[{"valid_from":"2025-05-01","valid_until":"2028-05-01","agent_for":["1312345678",...]}]`. Writes the batch report as JSON: `{"results":[<readiness>...],
/// "total":N,"can_bill":M,"by_code":{"readiness.step_missing":K,...}}`. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_INVALID_JSON` (`ffi.invalid_json` when not an array; otherwise one problem
/// `state.*` per bad state, all of them).
///
/// # Safety
/// `states_json` NUL-terminated; `agent_certificates_json` optional: NULL (none) or NUL-terminated;
/// `billing` optional: NULL (each facility's own 国保連's rulebook) or live;
/// `out_json` writable.
/// Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_onboarding_evaluate_many_json(
    states_json: *const c_char,
    agent_certificates_json: *const c_char,
    today: hug_date,
    billing: *const hug_billing_calendar,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let j = unsafe { arg_str(states_json, "states_json") }?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract (optional pointer).
        let b = unsafe { billing.as_ref() };
        let out = arg_out(out_json, "out_json")?;
        let raw: Vec<serde_json::Value> = serde_json::from_str(j).map_err(|e| {
            Failure::ffi(FfiProblem::InvalidJson {
                param: "states_json",
                reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
            })
        })?;
        let mut states = Vec::with_capacity(raw.len());
        let mut bad = Vec::new();
        for r in &raw {
            match Onboarding::from_json(&r.to_string()) {
                Ok(s) => states.push(s),
                Err(e) => bad.push(e),
            }
        }
        if let Some(p) = hug_onboard_core::diagnostic::Problems::new(bad) {
            return Err(Failure::problems(&p));
        }
        let agents: Vec<CertificateEvidence> = if agent_certificates_json.is_null() {
            Vec::new()
        } else {
            // SAFETY: caller's contract.
            let a = unsafe { arg_str(agent_certificates_json, "agent_certificates_json") }?;
            serde_json::from_str(a).map_err(|e| {
                Failure::ffi(FfiProblem::InvalidJson {
                    param: "agent_certificates_json",
                    reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
                })
            })?
        };
        let ctx = BatchContext {
            calendar: b.map(hug_billing_calendar::inner),
            agent_certificates: &agents,
        };
        out.write(new_json_string(&evaluate_many(&states, today, &ctx))?);
        Ok(())
    })
}
