//! The standalone fake: a seeded account on a loopback address, for trying dpbatch offline.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use fake_dnspod::{
    Config, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, DEFAULT_TOKEN, FakeDnspod, Progress,
};

fn usage() -> String {
    format!(
        "\
Usage: fake-dnspod [--addr 127.0.0.1:8053] [--token ID,SECRET]
                   [--secret-id ID] [--secret-key KEY]
                   [--waiting N] [--running N] | [--elapsed SECS] [--job DxR]...
                   [--domains N[xR]] [--latency MS] [--rate N]
                   [--jobs-per-hour N | --no-job-limits]
                   [--held-slots N [--held-for MS | --held-refusals K]]

Serves a fake of DNSPod's legacy batch API (Batch.Domain.Create, Batch.Record.Create,
Batch.Record.Modify, Batch.Detail), its look-ups (Domain.Info, Domain.List,
Record.List) and Record.Remove on a loopback address until killed, seeded with
example.cn and example.com and a few records each. The same port speaks API 3.0
(POST / with X-TC-Action: CreateDomainBatch, CreateRecordBatch, ModifyRecordBatch,
DeleteRecordBatch, DescribeBatchTask, DescribeDomain, DescribeDomainList,
DescribeRecordList) over the same account and jobs.

Submits on both APIs meet the vendor's job limits: at most 5000 records a job (a
domain of a domain job counts 1 plus its records, so 3 with a value; record jobs
count their records), 4 unfinished jobs an account, 80 jobs an hour per source IP.
API 3.0 refuses with the vendor's codes (InvalidParameter.JobGreaterThanLimit,
InvalidParameter.BatchTaskCountLimit, RequestLimitExceeded.BatchTaskLimit). The
legacy API documents none, so the fake answers its own: 701 (more than 5000
records), 702 (4 unfinished jobs), 703 (the hour's jobs spent).

  --addr ADDR     loopback IP and port to listen on [default: 127.0.0.1:8053]
  --token TOKEN   the only login_token accepted [default: {DEFAULT_TOKEN}]
  --secret-id ID  the API 3.0 SecretId accepted [default: {DEFAULT_SECRET_ID}]
  --secret-key K  its SecretKey [default: {DEFAULT_SECRET_KEY}]
  --waiting N     Batch.Detail polls that show a job all waiting [default: 1]
  --running N     further polls that show it partly done [default: 1]
  --elapsed SECS  instead, finish each job SECS seconds after submission
  --job DxR       also start with a finished job of D generated domains with R
                  records each (e.g. 10000x2), for benchmarks; may be repeated
  --domains N[xR] also add N domains (bench00001.example...) with R www A records
                  each [default R: 1]
  --latency MS    wait this many milliseconds before every answer [default: 0]
  --rate N        refuse calls of one action beyond N a second, as the vendor
                  does (-2, RequestLimitExceeded) [default: no limit]
  --jobs-per-hour N
                  admit at most N jobs an hour per source IP [default: 80]
  --no-job-limits lift all three job limits, for benchmarks that submit more
                  than the vendor allows
  --held-slots N  N of the 4 job slots are held by other clients from the start
  --held-for MS   ... and given back after MS milliseconds [default: never]
  --held-refusals K
                  ... or given back after K submits were refused for want of one
  -h, --help      print this help
"
    )
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
struct Options {
    addr: SocketAddr,
    config: Config,
    /// Synthetic finished jobs to create at start: (domains, records per domain).
    jobs: Vec<(usize, usize)>,
    /// Generated domains to add to the account, and the `www` A records of each.
    domains: (usize, usize),
    /// Job slots held by other clients from the start, and until when.
    held: Option<(usize, Hold)>,
}

/// When slots held for other clients are given back.
#[derive(Debug, PartialEq)]
enum Hold {
    Never,
    After(Duration),
    AfterRefusals(usize),
}

fn main() -> ExitCode {
    match parse(std::env::args().skip(1)) {
        Ok(Some(options)) => serve(options),
        Ok(None) => {
            print!("{}", usage());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("fake-dnspod: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}

fn serve(
    Options {
        addr,
        config,
        jobs,
        domains,
        held,
    }: Options,
) -> ExitCode {
    let token = config.token.clone();
    let (secret_id, secret_key) = (config.secret_id.clone(), config.secret_key.clone());
    let server = match FakeDnspod::bind(addr, config) {
        Ok(server) => server,
        Err(err) => {
            eprintln!("fake-dnspod: cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("fake DNSPod batch API at {}", server.url());
    println!("token: {token}");
    println!("API 3.0 SecretId: {secret_id}");
    println!("API 3.0 SecretKey: {secret_key}");
    println!("try:");
    println!(
        "  export DPBATCH_ENDPOINT={} DNSPOD_TOKEN='{token}'",
        server.url()
    );
    println!("  dpbatch domain-create new-site.cn --value 192.0.2.1 --wait");
    println!("or on API 3.0:");
    println!(
        "  export TENCENTCLOUD_SECRET_ID='{secret_id}' TENCENTCLOUD_SECRET_KEY='{secret_key}'"
    );
    println!("  dpbatch --api v3 domain-create new-site.cn --value 192.0.2.1 --wait");
    let records = server.records();
    for domain in server.domains() {
        println!("domain {} {}", domain.id, domain.name);
        for r in records.iter().filter(|r| r.domain_id == domain.id) {
            let mx = r.mx.map(|mx| format!(" (MX {mx})")).unwrap_or_default();
            println!(
                "  record {} {} {} {} {}{mx}",
                r.id, r.sub_domain, r.record_type, r.line, r.value
            );
        }
    }
    let (domains, per_domain) = domains;
    if domains > 0 {
        let server = &server;
        let records: Vec<u64> = server
            .add_domains("bench", domains)
            .into_iter()
            .flat_map(|id| {
                (0..per_domain).map(move |n| {
                    let value = format!("10.{}.{}.{}", n >> 16 & 255, n >> 8 & 255, n & 255);
                    server.add_record(id, "www", "A", "默认", &value)
                })
            })
            .collect();
        println!(
            "domains bench00001.example to bench{domains:05}.example, each with {per_domain} www A"
        );
        // Benchmarks change these records by ID without looking them up.
        if let (Some(first), Some(last)) = (records.first(), records.last()) {
            println!("www records {first} to {last}");
        }
    }
    for (domains, records) in jobs {
        let job = server.create_domain_job(domains, records);
        server.finish_all();
        println!("job {job}: {domains} domains x {records} records, finished");
    }
    match held {
        None => {}
        Some((slots, Hold::Never)) => {
            server.hold_slots(slots);
            println!("{slots} job slots held by other clients");
        }
        Some((slots, Hold::After(duration))) => {
            server.hold_slots_for(slots, duration);
            let ms = duration.as_millis();
            println!("{slots} job slots held by other clients, given back in {ms} ms");
        }
        Some((slots, Hold::AfterRefusals(refusals))) => {
            server.hold_slots_for_refusals(slots, refusals);
            println!(
                "{slots} job slots held by other clients, given back after {refusals} refusals"
            );
        }
    }
    println!("serving until killed");
    // Connections are served on the server's own threads; this one only keeps it alive.
    loop {
        std::thread::park();
    }
}

/// `Ok(None)` asks for help.
fn parse(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut addr = SocketAddr::from(([127, 0, 0, 1], 8053));
    let mut config = Config {
        seed: true,
        ..Config::default()
    };
    let (mut waiting, mut running, mut elapsed) = (None, None, None);
    let mut jobs = Vec::new();
    let mut domains = (0, 1);
    let (mut held_slots, mut held_for, mut held_refusals) = (None, None, None);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--addr" => {
                let text = value()?;
                addr = text
                    .parse()
                    .map_err(|_| format!("--addr wants IP:PORT, got {text:?}"))?;
            }
            "--token" => config.token = value()?,
            "--secret-id" => config.secret_id = value()?,
            "--secret-key" => config.secret_key = value()?,
            "--waiting" => waiting = Some(count(&flag, &value()?)?),
            "--running" => running = Some(count(&flag, &value()?)?),
            "--elapsed" => elapsed = Some(seconds(&value()?)?),
            "--latency" => {
                config.latency = Duration::from_millis(count(&flag, &value()?)?.into());
            }
            "--rate" => config.calls_per_second = Some(count(&flag, &value()?)?),
            "--domains" => {
                let text = value()?;
                domains = match text.split_once('x') {
                    Some(_) => job_shape(&text)?,
                    None => (count(&flag, &text)? as usize, 1),
                };
            }
            "--job" => jobs.push(job_shape(&value()?)?),
            "--jobs-per-hour" => config.jobs_per_hour = Some(count(&flag, &value()?)? as usize),
            "--no-job-limits" if inline.is_some() => {
                return Err("--no-job-limits takes no value".into());
            }
            "--no-job-limits" => config.job_limits = false,
            "--held-slots" => held_slots = Some(count(&flag, &value()?)? as usize),
            "--held-for" => held_for = Some(Duration::from_millis(count(&flag, &value()?)?.into())),
            "--held-refusals" => held_refusals = Some(count(&flag, &value()?)? as usize),
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    config.progress = progress(elapsed, waiting, running)?;
    let held = match (held_slots, held_for, held_refusals) {
        (None, None, None) => None,
        (None, _, _) => return Err("--held-for and --held-refusals need --held-slots".into()),
        (Some(_), Some(_), Some(_)) => {
            return Err("--held-for excludes --held-refusals".into());
        }
        (Some(slots), Some(duration), None) => Some((slots, Hold::After(duration))),
        (Some(slots), None, Some(refusals)) => Some((slots, Hold::AfterRefusals(refusals))),
        (Some(slots), None, None) => Some((slots, Hold::Never)),
    };
    Ok(Some(Options {
        addr,
        config,
        jobs,
        domains,
        held,
    }))
}

/// `--job DxR`: D domains with R records each.
fn job_shape(text: &str) -> Result<(usize, usize), String> {
    text.split_once('x')
        .and_then(|(d, r)| Some((d.parse().ok()?, r.parse().ok()?)))
        .ok_or(format!(
            "--job wants DOMAINSxRECORDS like 10000x2, got {text:?}"
        ))
}

fn progress(
    elapsed: Option<Duration>,
    waiting: Option<u32>,
    running: Option<u32>,
) -> Result<Progress, String> {
    match (elapsed, waiting, running) {
        (Some(duration), None, None) => Ok(Progress::Elapsed(duration)),
        (Some(_), _, _) => Err("--elapsed excludes --waiting and --running".into()),
        (None, waiting, running) => Ok(Progress::PerPoll {
            waiting: waiting.unwrap_or(1),
            running: running.unwrap_or(1),
        }),
    }
}

fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or(format!("--elapsed wants seconds, got {text:?}"))
}

fn count(flag: &str, text: &str) -> Result<u32, String> {
    text.parse()
        .map_err(|_| format!("{flag} wants a whole number, got {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Option<(SocketAddr, Config)>, String> {
        parse(args.iter().map(|arg| arg.to_string())).map(|o| o.map(|o| (o.addr, o.config)))
    }

    #[test]
    fn jobs_are_given_as_domains_x_records() {
        let options = parse(["--job", "10x2", "--job=3x0"].iter().map(|a| a.to_string()))
            .unwrap()
            .unwrap();
        assert_eq!(options.jobs, [(10, 2), (3, 0)]);
        assert!(run(&["--job", "10"]).is_err());
    }

    #[test]
    fn defaults_are_seeded_per_poll_on_8053() {
        let (addr, config) = run(&[]).unwrap().unwrap();
        assert_eq!(addr.to_string(), "127.0.0.1:8053");
        assert!(config.seed);
        assert_eq!(config.token, DEFAULT_TOKEN);
        assert_eq!(config.secret_id, DEFAULT_SECRET_ID);
        assert_eq!(
            config.progress,
            Progress::PerPoll {
                waiting: 1,
                running: 1
            }
        );
    }

    #[test]
    fn flags_take_separate_or_inline_values() {
        let (addr, config) = run(&["--addr=[::1]:9000", "--token", "1,s", "--running", "3"])
            .unwrap()
            .unwrap();
        assert_eq!(addr.to_string(), "[::1]:9000");
        assert_eq!(config.token, "1,s");
        assert_eq!(
            config.progress,
            Progress::PerPoll {
                waiting: 1,
                running: 3
            }
        );
        let (_, keys) = run(&["--secret-id", "AKIDx", "--secret-key=k"])
            .unwrap()
            .unwrap();
        assert_eq!(
            (keys.secret_id.as_str(), keys.secret_key.as_str()),
            ("AKIDx", "k")
        );
        let (_, config) = run(&["--elapsed", "2.5"]).unwrap().unwrap();
        assert_eq!(
            config.progress,
            Progress::Elapsed(Duration::from_millis(2500))
        );
    }

    #[test]
    fn job_limits_can_be_tuned_or_lifted() {
        let (_, config) = run(&[]).unwrap().unwrap();
        assert_eq!((config.job_limits, config.jobs_per_hour), (true, Some(80)));
        let (_, config) = run(&["--jobs-per-hour=5"]).unwrap().unwrap();
        assert_eq!(config.jobs_per_hour, Some(5));
        let (_, config) = run(&["--no-job-limits"]).unwrap().unwrap();
        assert!(!config.job_limits);
    }

    #[test]
    fn held_slots_are_held_forever_for_a_while_or_for_some_refusals() {
        let held = |args: &[&str]| {
            parse(args.iter().map(|a| a.to_string())).map(|options| options.unwrap().held)
        };
        assert_eq!(held(&[]), Ok(None));
        assert_eq!(held(&["--held-slots", "4"]), Ok(Some((4, Hold::Never))));
        assert_eq!(
            held(&["--held-slots", "4", "--held-for", "1500"]),
            Ok(Some((4, Hold::After(Duration::from_millis(1500)))))
        );
        assert_eq!(
            held(&["--held-slots=2", "--held-refusals=3"]),
            Ok(Some((2, Hold::AfterRefusals(3))))
        );
        assert!(held(&["--held-for", "10"]).is_err());
        assert!(
            held(&[
                "--held-slots",
                "1",
                "--held-for",
                "1",
                "--held-refusals",
                "1"
            ])
            .is_err()
        );
    }

    #[test]
    fn bad_arguments_are_errors_and_help_is_not() {
        assert_eq!(run(&["-h"]), Ok(None));
        for bad in [
            &["--addr", "localhost:1"][..],
            &["--waiting", "-1"],
            &["--elapsed", "-1"],
            &["--elapsed", "1", "--waiting", "2"],
            &["--token"],
            &["--bogus"],
            &["--job", "ax2"],
            &["--no-job-limits=yes"],
            &["--held-slots", "x"],
        ] {
            assert!(run(bad).is_err(), "{bad:?}");
        }
    }
}
