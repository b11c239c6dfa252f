//! `jobs` lists the account `--last` looks at, says which API each job went to, and
//! refuses a bad config as every other command does.

use crate::support::Env;
use fake_dnspod::{DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY};

/// A legacy job, then an API 3.0 job, on one fake: (legacy job, v3 job).
fn a_job_on_each_api(env: &Env) -> (u64, u64) {
    let legacy = env.submit_domains("a.cn");
    let v3 = env
        .domain_create("b.cn")
        .args(["--api", "v3"])
        .env("TENCENTCLOUD_SECRET_ID", DEFAULT_SECRET_ID)
        .env("TENCENTCLOUD_SECRET_KEY", DEFAULT_SECRET_KEY)
        .submit();
    (legacy, v3)
}

fn job_column(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().next().unwrap().to_owned())
        .collect()
}

#[test]
fn jobs_lists_the_accounts_jobs_the_ones_last_picks_from() {
    let env = Env::new();
    let (legacy, v3) = a_job_on_each_api(&env);
    let ours = env.dpbatch(["jobs"]).run();
    assert_eq!(job_column(&ours.code(0).stdout), [legacy.to_string()]);
    ours.stderr_has("1 operation of other accounts or of dpbatch 0.1 not listed");
    let theirs = env
        .dpbatch(["--api", "v3", "jobs"])
        .env("TENCENTCLOUD_SECRET_ID", DEFAULT_SECRET_ID)
        .env("TENCENTCLOUD_SECRET_KEY", DEFAULT_SECRET_KEY)
        .json()
        .run();
    let ids: Vec<_> = theirs
        .code(0)
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["job_id"].clone())
        .collect();
    assert_eq!(ids, [v3]);
}

#[test]
fn jobs_all_accounts_shows_each_jobs_api() {
    let env = Env::new();
    let (legacy, v3) = a_job_on_each_api(&env);
    let run = env.dpbatch(["jobs", "--all-accounts"]).run();
    let lines: Vec<&str> = run.code(0).stdout.lines().collect();
    assert!(
        lines[0].split_whitespace().eq([
            "JOB",
            "API",
            "ACTION",
            "SUBMITTED",
            "PROFILE",
            "ENDPOINT",
            "WHAT"
        ]),
        "{lines:?}"
    );
    let rows: Vec<Vec<&str>> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().take(2).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [v3.to_string().as_str(), "v3"],
            [legacy.to_string().as_str(), "legacy"]
        ]
    );
}

#[test]
fn jobs_refuses_a_bad_config_as_every_command_does() {
    let env = Env::new();
    let missing = env.home().join("nope.toml");
    let run = env
        .dpbatch(["jobs", "--config"])
        .arg(missing.display())
        .run();
    run.code(2).stderr_has("nope.toml");
    env.write_config("default", "colour = \"red\"\n");
    env.dpbatch(["jobs"]).run().code(2).stderr_has("colour");
    env.write_config("default", "[profiles.work]\n");
    env.dpbatch(["jobs", "--profile", "nope"])
        .run()
        .code(2)
        .stderr_has("nope");
}
