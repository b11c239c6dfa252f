//! A plan read back from the history is untrusted input: anyone who can write the file can
//! change it. Before `resume` sends a part, the part gets the checks flag input gets, and
//! the cut the vendor's limits allow (and its operation one kind of job, `kinds.rs`).

use crate::escape::visible;
use crate::input::domains::check_domain;
use crate::input::records::check_change;
use crate::job::{By, JobSpec, Part, Plan, Step};
use crate::split::{Capabilities, size};
use rust_i18n::t;
use std::borrow::Cow;
use std::net::Ipv4Addr;

impl Plan {
    /// `parts` (with their place in this plan) checked and normalised as flag input is,
    /// no larger than `api` takes, or every reason they are not, each naming its part.
    pub(crate) fn checked(
        &self,
        parts: &[(usize, Part)],
        api: &Capabilities,
    ) -> Result<Vec<(usize, Part)>, Vec<String>> {
        // The hour's limit counts jobs: a part sent one call a record makes none.
        let jobs = self.parts.iter().filter(|part| part.by == By::Job).count();
        if !(1..=api.job_records).contains(&self.job_size) || jobs > api.jobs_per_hour {
            let (parts, size) = (parts_of(self.parts.len()), records_of(self.job_size));
            return Err(vec![
                t!("history.bad_cut", parts = parts, size = size).into_owned(),
            ]);
        }
        let (mut checked, mut errors) = (Vec::new(), Vec::new());
        for (index, part) in parts {
            let limit = self.job_size.min(api.job_limit(&part.spec));
            let spec = self
                .calls_aligned(*index)
                .and_then(|()| as_job(part, api))
                .and_then(|()| checked_spec(&part.spec, limit));
            match spec {
                Ok(spec) => checked.push((
                    *index,
                    Part {
                        spec,
                        ..part.clone()
                    },
                )),
                Err(why) => {
                    let part = index + 1;
                    errors.push(t!("history.part_why", part = part, why = why).into_owned())
                }
            }
        }
        match errors.is_empty() {
            true => Ok(checked),
            false => Err(errors),
        }
    }
}

impl Plan {
    /// Whether the `index`th part, if sent one call a record, names a domain for each of
    /// its records: a call deletes a record in the domain at the same place, so a list
    /// longer or shorter than the other was changed by hand, and any pairing is a guess.
    /// Checked on the plan's part, as its unsent rest is cut from it by place.
    fn calls_aligned(&self, index: usize) -> Result<(), String> {
        let Some(Part {
            spec:
                JobSpec::RecordDelete {
                    record_ids,
                    domain_ids,
                },
            by: By::Calls,
            ..
        }) = self.parts.get(index)
        else {
            return Ok(());
        };
        if domain_ids.len() == record_ids.len() {
            return Ok(());
        }
        let (domains, records) = (domains_of(domain_ids.len()), records_of(record_ids.len()));
        Err(t!(
            "history.delete_domains",
            domains = domains,
            records = records
        )
        .into_owned())
    }
}

/// Whether a part sent as one job is one the API makes: a job of an apply's creates, or
/// any on the legacy API, would lose what the API has no job for.
fn as_job(part: &Part, api: &Capabilities) -> Result<(), String> {
    match (part.by, api.by(&part.spec)) {
        (By::Job, By::Calls) => {
            let summary = part.spec.summary();
            Err(t!("history.no_such_job", summary = summary).into_owned())
        }
        _ => Ok(()),
    }
}

/// One part's spec checked as its command checks flag input, no larger than `limit`.
fn checked_spec(spec: &JobSpec, limit: usize) -> Result<JobSpec, String> {
    match size(spec) {
        0 => return Err(t!("history.nothing_to_send").into_owned()),
        n if n > limit => {
            let records = records_of(n);
            return Err(t!("history.part_too_big", records = records, limit = limit).into_owned());
        }
        _ => {}
    }
    Ok(match spec {
        JobSpec::DomainCreate { domains, value } => JobSpec::DomainCreate {
            domains: domains
                .iter()
                .map(|d| check_domain(d))
                .collect::<Result<_, _>>()?,
            value: value.as_deref().map(checked_ip).transpose()?,
        },
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => JobSpec::RecordCreate {
            domain_ids: domain_ids.clone(),
            records: records
                .iter()
                .map(|r| r.clone().checked())
                .collect::<Result<_, _>>()?,
        },
        JobSpec::RecordModify { record_ids, change } => JobSpec::RecordModify {
            record_ids: record_ids.clone(),
            change: check_change(change.field, &change.to, change.value.as_deref(), change.mx)?,
        },
        JobSpec::RecordDelete { .. } => spec.clone(),
        JobSpec::RecordSteps { steps } => {
            steps.iter().try_for_each(checked_step)?;
            spec.clone()
        }
    })
}

/// A step's record to send checked as a records file's row is: a weight of 0-100.
fn checked_step(step: &Step) -> Result<(), String> {
    let Some(after) = &step.after else {
        return Ok(());
    };
    after.spec().checked()?;
    match after.weight {
        Some(weight) if weight > 100 => {
            let domain = visible(&step.domain);
            Err(t!("history.bad_weight", weight = weight, domain = domain).into_owned())
        }
        _ => Ok(()),
    }
}

/// `domain-create --value`: an IPv4 address.
fn checked_ip(value: &str) -> Result<String, String> {
    value
        .parse::<Ipv4Addr>()
        .map(|ip| ip.to_string())
        .map_err(|_| t!("history.bad_ip", value = value).into_owned())
}

/// `1 part`, `3 parts`.
fn parts_of(n: usize) -> Cow<'static, str> {
    match n {
        1 => t!("history.one_part"),
        _ => t!("history.parts", count = n),
    }
}

/// `1 record`, `3 records`.
fn records_of(n: usize) -> Cow<'static, str> {
    match n {
        1 => t!("history.one_record"),
        _ => t!("history.records", count = n),
    }
}

/// `1 domain`, `3 domains`.
fn domains_of(n: usize) -> Cow<'static, str> {
    match n {
        1 => t!("history.one_domain"),
        _ => t!("history.domains", count = n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::RecordSpec;

    fn plan(specs: Vec<JobSpec>) -> Plan {
        Plan {
            deleted: Vec::new(),
            job_size: 2,
            parts: specs
                .into_iter()
                .map(|spec| Part::job(spec, None))
                .collect(),
        }
    }

    const API: Capabilities = Capabilities {
        job_records: 5000,
        delete_job_records: Some(2000),
        jobs_per_hour: 80,
        modify_whole_jobs: true,
        calls_per_second: 500,
    };

    fn numbered(plan: &Plan) -> Vec<(usize, Part)> {
        plan.parts.iter().cloned().enumerate().collect()
    }

    fn a_record(value: &str, ttl: u64) -> JobSpec {
        JobSpec::RecordCreate {
            domain_ids: vec![7],
            records: vec![RecordSpec {
                host: "www".into(),
                record_type: "a".into(),
                line: "默认".into(),
                value: value.into(),
                ttl,
                mx: None,
            }],
        }
    }

    #[test]
    fn parts_are_checked_and_normalised_as_flag_input() {
        let good = plan(vec![
            a_record("192.0.2.1", 600),
            JobSpec::DomainCreate {
                domains: vec!["A.CN".into()],
                value: None,
            },
        ]);
        let checked = good.checked(&numbered(&good), &API).unwrap();
        let JobSpec::RecordCreate { records, .. } = &checked[0].1.spec else {
            panic!("{checked:?}");
        };
        assert_eq!(records[0].record_type, "A");
        let JobSpec::DomainCreate { domains, .. } = &checked[1].1.spec else {
            panic!("{checked:?}");
        };
        assert_eq!(domains, &["a.cn"]);
    }

    #[test]
    fn a_tampered_part_is_refused_naming_its_value_and_place() {
        let tampered = plan(vec![
            a_record("192.0.2.1", 600),
            a_record("not-an-ip", 0),
            JobSpec::DomainCreate {
                domains: vec!["a.cn".into(), "b.cn".into(), "c.cn".into()],
                value: None,
            },
        ]);
        let errors = tampered.checked(&numbered(&tampered), &API).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("part 2: ") && errors[0].contains("`not-an-ip`"));
        assert!(errors[1].starts_with("part 3: ") && errors[1].contains("3 records"));
        let huge = Plan {
            job_size: 50_000,
            ..tampered
        };
        assert!(
            huge.checked(&[], &API).is_err(),
            "a cut dpbatch never makes"
        );
    }

    #[test]
    fn parts_sent_as_calls_do_not_count_towards_the_hours_jobs() {
        let part = |record: u64| Part {
            by: By::Calls,
            ..Part::job(
                JobSpec::RecordDelete {
                    record_ids: vec![record],
                    domain_ids: vec![7],
                },
                None,
            )
        };
        // `undo --job-size 1` of 90 records on the legacy API plans 90 parts of calls.
        let many = Plan {
            deleted: Vec::new(),
            job_size: 1,
            parts: (1..=90).map(part).collect(),
        };
        assert_eq!(many.checked(&numbered(&many), &API).unwrap().len(), 90);
    }

    #[test]
    fn an_applys_steps_as_one_job_are_refused_where_no_job_makes_them() {
        use crate::job::{Action, Record};
        let step = |action, record_id| Step {
            action,
            domain: "a.cn".into(),
            domain_id: 7,
            record_id,
            before: record_id.map(|_| Record::new("www", "A", "192.0.2.1")),
            after: Some(Record::new("www", "A", "192.0.2.2")),
        };
        let steps = |steps| plan(vec![JobSpec::RecordSteps { steps }]);
        let modifies = steps(vec![step(Action::Modify, Some(1))]);
        assert!(modifies.checked(&numbered(&modifies), &API).is_ok());
        let legacy = Capabilities {
            modify_whole_jobs: false,
            ..API
        };
        let errors = modifies.checked(&numbered(&modifies), &legacy).unwrap_err();
        assert!(errors[0].contains("no job for"), "{errors:?}");
        let creates = steps(vec![step(Action::Create, None)]);
        assert!(creates.checked(&numbered(&creates), &API).is_err());
    }

    #[test]
    fn a_part_sent_as_calls_whose_domains_and_records_differ_in_number_is_refused() {
        let calls = |record_ids: Vec<u64>, domain_ids: Vec<u64>| Part {
            by: By::Calls,
            ..Part::job(
                JobSpec::RecordDelete {
                    record_ids,
                    domain_ids,
                },
                None,
            )
        };
        let plan = |part: Part| Plan {
            deleted: Vec::new(),
            job_size: 5000,
            parts: vec![part],
        };
        let short = plan(calls(vec![1, 2, 3], vec![7, 7]));
        let errors = short.checked(&numbered(&short), &API).unwrap_err();
        assert_eq!(
            errors,
            [
                "part 1: it names 2 domains for 3 records, and each record is deleted in the domain named at its place"
            ]
        );
        // A rest cut by place from a plan's part with a domain too many pairs up by
        // chance: the plan's part is what is checked.
        let long = plan(calls(vec![1, 2], vec![7, 8, 9]));
        let rest = [(0, calls(vec![2], vec![8]))];
        let errors = long.checked(&rest, &API).unwrap_err();
        assert!(errors[0].contains("3 domains for 2 records"), "{errors:?}");
        let aligned = plan(calls(vec![1, 2], vec![7, 8]));
        assert!(aligned.checked(&numbered(&aligned), &API).is_ok());
    }
}
