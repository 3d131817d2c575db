//! Batch readiness: `evaluate_many` over 10 000 generated realistic states
//! spread over the 47 prefectures (target ≤ 50 ms on one core), with one
//! rulebook for all and with each facility's own 国保連 rulebook; and one
//! facility's readiness.

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::notice::NoticeKind;
use hug_onboard_core::onboarding::{
    BatchContext, CertificateEvidence, Evidence, NoticeSummary, Onboarding, Step, evaluate_many,
};
use hug_onboard_core::profile::ProfileInput;
use hug_onboard_core::schedule::{BillingCalendar, Rulebook};

/// A deterministic mix: every stage of the guide, certificates of every age,
/// some billing PCs missing the certificate, some agent-billed facilities.
fn states(n: usize) -> Vec<Onboarding> {
    let profile = ProfileInput {
        facility_number: "1312345678".into(),
        name_kana: "ﾊｸﾞｸﾐ".into(),
        name_kanji: "はぐくみ".into(),
        postal_code: "100-0001".into(),
        address_kana: "トウキョウト".into(),
        address_kanji: "東京都".into(),
        phone: "03-1234-5678".into(),
        fax: "03-1234-5679".into(),
        representative_name_kana: "ヤマダ".into(),
        representative_name_kanji: "山田".into(),
        representative_title: "代表".into(),
        email: None,
        password: "x".into(),
    }
    .validate(None)
    .expect("valid profile")
    .profile;
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let pref = (i % 47) + 1;
            let number = FacilityNumber::parse(&format!("{pref:02}{:08}", i)).unwrap();
            let mut ob = Onboarding::new(number);
            let stop = i % (Step::ALL.len() + 4); // a third of them fully done
            let on = base + Duration::days((i % 700) as i64);
            let valid_from = on;
            let valid_until = on + Duration::days(365 * 3 - (i % 5) as i64 * 90);
            let cert = CertificateEvidence {
                valid_from,
                valid_until: valid_until.max(valid_from),
                sha256_fingerprint: Some(format!("{:064x}", i)),
                subject_facility_number: Some(number),
                not_before: None,
                not_after: None,
                agent_for: vec![],
            };
            for (k, &step) in Step::ALL.iter().enumerate() {
                if k >= stop {
                    break;
                }
                if ob.is_done(step) {
                    continue;
                }
                let ev = match step {
                    Step::ReceiveDocuments | Step::ReceiveProductionNotice => Evidence::Notice {
                        notice: NoticeSummary {
                            kind: if step == Step::ReceiveDocuments {
                                NoticeKind::Test
                            } else {
                                NoticeKind::Production
                            },
                            facility_number: number,
                            user_id: format!("U{i}"),
                            date: Some(on),
                            federation: None,
                        },
                    },
                    Step::CertificateIssued => Evidence::Certificate {
                        certificate: cert.clone(),
                    },
                    Step::InstallCertificate => Evidence::Installation {
                        pc: "事務所PC".into(),
                        certificate: Some(cert.clone()),
                    },
                    Step::InstallTorikomi => Evidence::Installation {
                        pc: "事務所PC".into(),
                        certificate: None,
                    },
                    Step::RegisterFacility => {
                        let mut p = profile.clone();
                        p.facility_number = number;
                        p.password_is_default = i % 3 == 0;
                        Evidence::Profile { profile: p }
                    }
                    _ => Evidence::None,
                };
                if ob.complete(step, on, ev).is_err() {
                    break;
                }
            }
            if i % 7 == 0 {
                let _ = ob.add_billing_pc("受付PC");
            }
            ob
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = BillingCalendar::new(Rulebook::default());
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let all = states(10_000);
    // One rulebook for everybody (an explicit calendar) ...
    let one = BatchContext {
        calendar: Some(&cal),
        agent_certificates: &[],
    };
    // ... and the usual case: each facility with its own 国保連's rulebook
    // (the states are spread over all 47 prefectures).
    let own = BatchContext {
        calendar: None,
        agent_certificates: &[],
    };
    let report = evaluate_many(&all, today, &own);
    let rulebooks: std::collections::BTreeSet<&str> = report
        .results
        .iter()
        .map(|r| r.rulebook.id.as_str())
        .collect();
    eprintln!(
        "10 000 states, {} rulebooks: {} can bill; codes {:?}",
        rulebooks.len(),
        report.can_bill,
        report.by_code
    );
    c.bench_function("evaluate_many/10000", |b| {
        b.iter(|| evaluate_many(&all, today, &one))
    });
    c.bench_function("evaluate_many/10000/per_prefecture", |b| {
        b.iter(|| evaluate_many(&all, today, &own))
    });
    c.bench_function("readiness/one", |b| {
        b.iter(|| all[12].readiness(today, &cal))
    });
    let json: Vec<String> = all.iter().map(Onboarding::to_json).collect();
    c.bench_function("state_from_json/10000", |b| {
        b.iter(|| {
            json.iter()
                .filter(|j| Onboarding::from_json(j).is_ok())
                .count()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
