//! The command line: clap reads the flags, [`Args::options`] turns them into a
//! configuration and what to set up before serving.

use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Parser;
use fake_dnspod::{
    Config, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, DEFAULT_TOKEN, FIRST_JOB, Progress,
};

const ABOUT: &str = "\
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
records), 702 (4 unfinished jobs), 703 (the hour's jobs spent).";

#[derive(Parser, Debug)]
#[command(name = "fake-dnspod", about = ABOUT, max_term_width = 88)]
pub struct Args {
    /// Loopback IP and port to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8053")]
    addr: SocketAddr,
    /// The only login_token accepted
    #[arg(long, value_name = "TOKEN", default_value = DEFAULT_TOKEN)]
    token: String,
    /// The API 3.0 SecretId accepted
    #[arg(long, value_name = "ID", default_value = DEFAULT_SECRET_ID)]
    secret_id: String,
    /// Its SecretKey
    #[arg(long, value_name = "KEY", default_value = DEFAULT_SECRET_KEY)]
    secret_key: String,
    /// Batch.Detail polls that show a job all waiting
    #[arg(long, value_name = "N", default_value_t = default_polls().0)]
    waiting: u32,
    /// Further polls that show it partly done
    #[arg(long, value_name = "N", default_value_t = default_polls().1)]
    running: u32,
    /// Instead, finish each job SECS seconds after submission
    #[arg(long, value_name = "SECS", value_parser = seconds, conflicts_with_all = ["waiting", "running"])]
    elapsed: Option<Duration>,
    /// Also start with a finished job of D generated domains with R records each (e.g.
    /// 10000x2), for benchmarks; may be repeated
    #[arg(long = "job", value_name = "DxR", value_parser = job_shape)]
    jobs: Vec<(usize, usize)>,
    /// Also add N domains (bench00001.example...) with R www A records each (R: 1 unless
    /// given)
    #[arg(long, value_name = "N[xR]", value_parser = domains)]
    domains: Option<(usize, usize)>,
    /// Wait this many milliseconds before every answer
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency: u32,
    /// Refuse calls of one action beyond N a second, as the vendor does (-2,
    /// RequestLimitExceeded) [default: no limit]
    #[arg(long, value_name = "N")]
    rate: Option<u32>,
    /// Lift API 3.0's documented rates per action (CreateRecord 500 a second,
    /// ModifyRecordStatus 20, ...), which apply besides --rate
    #[arg(long)]
    no_vendor_rates: bool,
    /// Admit at most N jobs an hour per source IP [default: 80]
    #[arg(long, value_name = "N")]
    jobs_per_hour: Option<u32>,
    /// Number jobs from N on [default: the clock in milliseconds, so that a restarted
    /// fake never hands out an id a job history already holds, as DNSPod never does]
    #[arg(long, value_name = "N")]
    first_job: Option<u64>,
    /// Lift all three job limits, for benchmarks that submit more than the vendor allows
    #[arg(long)]
    no_job_limits: bool,
    /// N of the 4 job slots are held by other clients from the start
    #[arg(long, value_name = "N")]
    held_slots: Option<u32>,
    /// ... and given back after MS milliseconds [default: never]
    #[arg(
        long,
        value_name = "MS",
        requires = "held_slots",
        conflicts_with = "held_refusals"
    )]
    held_for: Option<u32>,
    /// ... or given back after K submits were refused for want of one
    #[arg(long, value_name = "K", requires = "held_slots")]
    held_refusals: Option<u32>,
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub struct Options {
    pub addr: SocketAddr,
    pub config: Config,
    /// Synthetic finished jobs to create at start: (domains, records per domain).
    pub jobs: Vec<(usize, usize)>,
    /// Generated domains to add to the account, and the `www` A records of each.
    pub domains: (usize, usize),
    /// Job slots held by other clients from the start, and until when.
    pub held: Option<(usize, Hold)>,
}

/// When slots held for other clients are given back.
#[derive(Debug, PartialEq)]
pub enum Hold {
    Never,
    After(Duration),
    AfterRefusals(usize),
}

impl Args {
    pub fn options(self) -> Options {
        let mut config = Config {
            seed: true,
            token: self.token,
            secret_id: self.secret_id,
            secret_key: self.secret_key,
            latency: Duration::from_millis(self.latency.into()),
            calls_per_second: self.rate,
            vendor_rates: !self.no_vendor_rates,
            job_limits: !self.no_job_limits,
            first_job: self.first_job.unwrap_or_else(clock_millis),
            ..Config::default()
        };
        if let Some(per_hour) = self.jobs_per_hour {
            config.jobs_per_hour = Some(per_hour as usize);
        }
        config.progress = match self.elapsed {
            Some(duration) => Progress::Elapsed(duration),
            None => Progress::PerPoll {
                waiting: self.waiting,
                running: self.running,
            },
        };
        let held = self.held_slots.map(|slots| {
            let hold = match (self.held_for, self.held_refusals) {
                (Some(ms), _) => Hold::After(Duration::from_millis(ms.into())),
                (None, Some(refusals)) => Hold::AfterRefusals(refusals as usize),
                (None, None) => Hold::Never,
            };
            (slots as usize, hold)
        });
        Options {
            addr: self.addr,
            config,
            jobs: self.jobs,
            domains: self.domains.unwrap_or((0, 1)),
            held,
        }
    }
}

/// The polls `--waiting` and `--running` default to: the library's default config's, so
/// the two cannot drift apart.
fn default_polls() -> (u32, u32) {
    let Progress::PerPoll { waiting, running } = Config::default().progress else {
        unreachable!("the default config counts polls");
    };
    (waiting, running)
}

/// Milliseconds since the Unix epoch: above every id an earlier fake handed out, unless
/// it made more than a job a millisecond.
fn clock_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(FIRST_JOB, |elapsed| elapsed.as_millis() as u64)
}

/// `--job DxR`: D domains with R records each.
fn job_shape(text: &str) -> Result<(usize, usize), String> {
    text.split_once('x')
        .and_then(|(d, r)| Some((d.parse().ok()?, r.parse().ok()?)))
        .ok_or(format!("wants DOMAINSxRECORDS like 10000x2, got {text:?}"))
}

/// `--domains N[xR]`: N domains with R records each, 1 when not given.
fn domains(text: &str) -> Result<(usize, usize), String> {
    match text.parse() {
        Ok(domains) => Ok((domains, 1)),
        Err(_) => job_shape(text),
    }
}

/// `--elapsed SECS`: whole or fractional seconds.
fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or(format!("wants seconds, got {text:?}"))
}

#[cfg(test)]
mod tests;
