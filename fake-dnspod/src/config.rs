//! What a fake is started with, and its defaults.

use std::time::Duration;

use crate::legacy;
use crate::listing::{PAGE_LIMIT, Totals};
use crate::model::admission::JOBS_PER_HOUR;
use crate::model::job::Progress;
pub use crate::model::state::FIRST_JOB;
use crate::v3::TemporaryKey;

/// The token the fake accepts unless configured otherwise.
pub const DEFAULT_TOKEN: &str = "520001,fake-secret-0123456789abcdef";
/// The API 3.0 SecretId the fake accepts unless configured otherwise.
pub const DEFAULT_SECRET_ID: &str = "AKIDfakeDnspod0000000000000000000000";
/// The API 3.0 SecretKey of [`DEFAULT_SECRET_ID`].
pub const DEFAULT_SECRET_KEY: &str = "fakeDnspodSecretKey0000000000000";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The only `login_token` accepted.
    pub token: String,
    pub progress: Progress,
    /// Start with example.cn and example.com and a few records each.
    pub seed: bool,
    /// The code Record.List refuses a domain name the account does not hold with. The
    /// real server's answer is not recorded: Domain.Info's 13 (the default) or the 9 of
    /// the vendor's table.
    pub record_list_unknown_domain: &'static str,
    /// Stamps every job as created at these Unix seconds instead of at its submission, so
    /// that tests can pin `created_at` byte for byte. `None` (the default): the real time.
    pub job_created_at: Option<u64>,
    /// The id of the first job; later ones count up. [`FIRST_JOB`] by default, so that
    /// tests can pin ids; the standalone fake starts from the clock, as DNSPod never
    /// hands out an id twice and a history may outlive a fake.
    pub first_job: u64,
    /// The API 3.0 SecretId accepted with [`Config::secret_key`].
    pub secret_id: String,
    pub secret_key: String,
    /// Temporary API 3.0 credentials accepted besides, with their session token.
    pub temporary: Option<TemporaryKey>,
    /// Seconds added to the real clock for API 3.0: what `X-TC-Timestamp` is checked
    /// against (300 s either way) and the `Date` header says, to test a skewed client.
    pub clock_offset: i64,
    /// Waited before every answer, so that benchmarks see real round trips.
    pub latency: Duration,
    /// The most entries one look-up page lists, whatever it asks for: [`PAGE_LIMIT`], the
    /// vendor's forced page, unless a test of paging wants small accounts to span pages.
    pub page_limit: usize,
    /// The totals the look-ups claim (Domain.List, Record.List, DescribeDomainList,
    /// DescribeRecordList): [`Totals::True`] unless a test wants them missing or overstated.
    pub totals: Totals,
    /// At most this many calls of one action a second; more get the vendor's rate-limit
    /// refusal (`-2`, `RequestLimitExceeded`). `None` (the default): no limit.
    pub calls_per_second: Option<u32>,
    /// API 3.0's documented rates per action on top (CreateRecord, ModifyRecord and
    /// DeleteRecord 500 a second; ModifyRecordStatus, ModifyRecordRemark,
    /// ModifyRecordBatchV3 and DeleteRecordBatch 20), refused as past
    /// [`Config::calls_per_second`]. Default `true`; `false` for benchmarks of the fake
    /// alone.
    pub vendor_rates: bool,
    /// The vendor's job limits on the submits of both APIs (see the crate docs): 5000
    /// records a job, 4 unfinished jobs an account, [`Config::jobs_per_hour`] jobs an
    /// hour per source IP. `false` lifts all three, for benchmarks that submit more than
    /// the vendor allows. Default `true`.
    pub job_limits: bool,
    /// Jobs one source IP may submit within a sliding hour; `None`: no cap. Default
    /// `Some(80)`, the vendor's. Every test of one fake shares loopback's count.
    pub jobs_per_hour: Option<usize>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            token: DEFAULT_TOKEN.to_string(),
            progress: Progress::PerPoll {
                waiting: 1,
                running: 1,
            },
            seed: false,
            record_list_unknown_domain: legacy::UNKNOWN_DOMAIN,
            job_created_at: None,
            first_job: FIRST_JOB,
            secret_id: DEFAULT_SECRET_ID.to_string(),
            secret_key: DEFAULT_SECRET_KEY.to_string(),
            temporary: None,
            clock_offset: 0,
            latency: Duration::ZERO,
            page_limit: PAGE_LIMIT,
            totals: Totals::True,
            calls_per_second: None,
            vendor_rates: true,
            job_limits: true,
            jobs_per_hour: Some(JOBS_PER_HOUR),
        }
    }
}
