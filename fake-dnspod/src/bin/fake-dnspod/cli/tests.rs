use super::*;
use clap::error::ErrorKind;

fn parse(args: &[&str]) -> Result<Options, clap::Error> {
    let args = std::iter::once("fake-dnspod").chain(args.iter().copied());
    Args::try_parse_from(args).map(Args::options)
}

fn run(args: &[&str]) -> (SocketAddr, Config) {
    let options = parse(args).unwrap();
    (options.addr, options.config)
}

#[test]
fn jobs_are_given_as_domains_x_records() {
    let options = parse(&["--job", "10x2", "--job=3x0"]).unwrap();
    assert_eq!(options.jobs, [(10, 2), (3, 0)]);
    assert!(parse(&["--job", "10"]).is_err());
}

#[test]
fn domains_are_given_with_or_without_their_records() {
    assert_eq!(parse(&[]).unwrap().domains, (0, 1));
    assert_eq!(parse(&["--domains", "7"]).unwrap().domains, (7, 1));
    assert_eq!(parse(&["--domains=7x3"]).unwrap().domains, (7, 3));
    assert!(parse(&["--domains", "7x"]).is_err());
}

#[test]
fn defaults_are_seeded_per_poll_on_8053() {
    let (addr, config) = run(&[]);
    assert_eq!(addr.to_string(), "127.0.0.1:8053");
    assert!(config.seed);
    assert_eq!(config.token, DEFAULT_TOKEN);
    assert_eq!(config.secret_id, DEFAULT_SECRET_ID);
    assert_eq!(config.secret_key, DEFAULT_SECRET_KEY);
    assert_eq!(
        config.progress,
        Progress::PerPoll {
            waiting: 1,
            running: 1
        }
    );
    assert_eq!(
        (config.latency, config.calls_per_second),
        (Duration::ZERO, None)
    );
}

#[test]
fn flags_take_separate_or_inline_values() {
    let (addr, config) = run(&["--addr=[::1]:9000", "--token", "1,s", "--running", "3"]);
    assert_eq!(addr.to_string(), "[::1]:9000");
    assert_eq!(config.token, "1,s");
    assert_eq!(
        config.progress,
        Progress::PerPoll {
            waiting: 1,
            running: 3
        }
    );
    let (_, keys) = run(&["--secret-id", "AKIDx", "--secret-key=k"]);
    assert_eq!(
        (keys.secret_id.as_str(), keys.secret_key.as_str()),
        ("AKIDx", "k")
    );
    let (_, config) = run(&["--elapsed", "2.5"]);
    assert_eq!(
        config.progress,
        Progress::Elapsed(Duration::from_millis(2500))
    );
    let (_, config) = run(&["--latency", "50", "--rate=4"]);
    assert_eq!(
        (config.latency, config.calls_per_second),
        (Duration::from_millis(50), Some(4))
    );
}

#[test]
fn job_limits_can_be_tuned_or_lifted() {
    let (_, config) = run(&[]);
    assert_eq!((config.job_limits, config.jobs_per_hour), (true, Some(80)));
    let (_, config) = run(&["--jobs-per-hour=5"]);
    assert_eq!(config.jobs_per_hour, Some(5));
    let (_, config) = run(&["--no-job-limits"]);
    assert!(!config.job_limits);
}

#[test]
fn held_slots_are_held_forever_for_a_while_or_for_some_refusals() {
    let held = |args: &[&str]| parse(args).map(|options| options.held);
    assert_eq!(held(&[]).unwrap(), None);
    assert_eq!(
        held(&["--held-slots", "4"]).unwrap(),
        Some((4, Hold::Never))
    );
    assert_eq!(
        held(&["--held-slots", "4", "--held-for", "1500"]).unwrap(),
        Some((4, Hold::After(Duration::from_millis(1500))))
    );
    assert_eq!(
        held(&["--held-slots=2", "--held-refusals=3"]).unwrap(),
        Some((2, Hold::AfterRefusals(3)))
    );
    assert!(held(&["--held-for", "10"]).is_err());
    let both = [
        "--held-slots",
        "1",
        "--held-for",
        "1",
        "--held-refusals",
        "1",
    ];
    assert!(held(&both).is_err());
}

#[test]
fn bad_arguments_are_errors_and_help_is_not() {
    for help in ["-h", "--help"] {
        let asked = parse(&[help]).unwrap_err();
        assert_eq!(asked.kind(), ErrorKind::DisplayHelp);
        assert_eq!(asked.exit_code(), 0);
    }
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
        let error = parse(bad).unwrap_err();
        assert_eq!(error.exit_code(), 2, "{bad:?}");
    }
}

#[test]
fn a_restarted_fake_never_reuses_a_job_id() {
    let before = clock_millis();
    let (_, first) = run(&[]);
    assert!(first.first_job >= before, "{} < {before}", first.first_job);
    assert!(first.first_job > FIRST_JOB);
    let (_, pinned) = run(&["--first-job", "39581"]);
    assert_eq!(pinned.first_job, FIRST_JOB);
}
