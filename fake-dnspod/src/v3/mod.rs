//! API 3.0 on the legacy port: `POST /` with an `X-TC-Action` header. The signature and the
//! common headers first, then the batch actions, the look-ups and the single-record
//! actions (`records.rs`), over the same account and jobs as the legacy API.

mod auth;
mod batch;
mod chinese;
mod edits;
mod lookups;
mod params;
mod records;
mod shapes;
mod sign;

use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::clock;
use crate::http::{Request, Response};
use crate::json::{Field, Json, text};
use crate::listing::Listing;
use crate::lock::lock;
use crate::model::state::State;
use crate::text::Lang;

pub(crate) use auth::Keys;
pub use auth::TemporaryKey;
use params::Params;

/// The only version of the DNSPod service.
const VERSION: &str = "2021-03-23";
/// What the vendor labels its answers with.
pub(crate) const CONTENT_TYPE: &str = "application/json";

/// A refusal: the vendor's error code and a message in its style.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    code: &'static str,
    message: String,
}

impl Refusal {
    fn new(code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            code,
            message: message.into(),
        }
    }

    fn missing(name: &str) -> Refusal {
        let message = format!("The request is missing a required parameter `{name}`.");
        Refusal::new("MissingParameter", message)
    }
}

type Answer = Result<Vec<Field>, Refusal>;

/// Who asks: the language answers are written in, and the address the job limits count;
/// and how the look-ups list for them.
pub(crate) struct Caller {
    lang: Lang,
    client: IpAddr,
    listing: Listing,
}

/// Answers `request`, which came from `client`.
pub(crate) fn handle(
    request: &Request,
    client: IpAddr,
    (keys, listing): (&Keys, Listing),
    state: &Mutex<State>,
) -> Response {
    let now = keys.now();
    // The vendor writes in Chinese unless asked for English.
    let lang = match request.header("x-tc-language") {
        Some("en-US") => Lang::En,
        _ => Lang::Cn,
    };
    let caller = Caller {
        lang,
        client,
        listing,
    };
    let body = match auth::check(request, keys, now).and_then(|()| act(request, &caller, state)) {
        Ok(fields) => success(fields),
        Err(refusal) => error_body(
            refusal.code,
            chinese::message(&refusal.message, request.header("x-tc-language")),
        ),
    };
    let mut response = Response::new(200, CONTENT_TYPE, body);
    response.headers.push(("Date", clock::http_date(now)));
    response
}

fn act(request: &Request, caller: &Caller, state: &Mutex<State>) -> Answer {
    type Action = fn(&Params, &mut State, &Caller) -> Answer;
    let (known, action): (&[&str], Action) = match request.action.as_str() {
        "CreateDomainBatch" => (batch::DOMAINS, batch::create_domains),
        "CreateRecordBatch" => (batch::RECORDS, batch::create_records),
        "ModifyRecordBatch" => (batch::MODIFY, batch::modify_records),
        "DeleteRecordBatch" => (batch::DELETE, batch::delete_records),
        "ModifyRecordBatchV3" => (edits::EDIT, edits::modify_records),
        "DescribeBatchTask" => (batch::DESCRIBE, batch::describe_task),
        "DescribeDomain" => (lookups::DOMAIN, lookups::domain),
        "DescribeDomainList" => (lookups::DOMAIN_LIST, lookups::domain_list),
        "DescribeRecordList" => (lookups::RECORD_LIST, lookups::record_list),
        "CreateRecord" => (records::CREATE, records::create),
        "ModifyRecord" => (records::MODIFY, records::modify),
        "DeleteRecord" => (records::DELETE, records::delete),
        "ModifyRecordStatus" => (records::STATUS, records::status),
        "ModifyRecordRemark" => (records::REMARK, records::remark),
        action => {
            let message = format!("The requested action `{action}` does not exist.");
            return Err(Refusal::new("InvalidAction", message));
        }
    };
    let params = Params::parse(&request.body, known)?;
    action(&params, &mut lock(state), caller)
}

/// `{"Response": {...fields, "RequestId"}}`.
fn success(mut fields: Vec<Field>) -> String {
    fields.push(("RequestId", text(request_id())));
    Json::Obj(vec![("Response", Json::Obj(fields))]).to_string()
}

/// `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`, as every refusal is sent.
pub(crate) fn error_body(code: &str, message: &str) -> String {
    let error = Json::Obj(vec![("Code", text(code)), ("Message", text(message))]);
    success(vec![("Error", error)])
}

/// The start of an answer cut off midway.
pub(crate) fn truncated_body() -> String {
    let whole = success(vec![("JobId", Json::Num(1))]);
    whole[..whole.len() / 2].to_string()
}

/// A fresh UUID-shaped id: unique within the process, which is all a client can check.
fn request_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("fa4e0000-0000-4000-8000-{n:012x}")
}

/// Unix seconds now, moved by `offset` seconds.
fn unix_now(offset: i64) -> u64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    now.saturating_add_signed(offset)
}
