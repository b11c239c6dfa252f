//! The envelope statuses of the legacy API: each code and its English and Chinese message.

use crate::model::admission::{MAX_RECORDS, MAX_UNFINISHED, Refused};
use crate::model::zone::Failure;
use crate::text::{Lang, failure_message};

/// What the real Domain.Info answers for a domain the account does not hold.
pub(crate) const UNKNOWN_DOMAIN: &str = "13";

/// The envelope status of an answer: a code and its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reply {
    Done,
    PostOnly,
    UnknownAction,
    /// A bad token: the real server answers 10002 (the documented -1 is not seen since 2018).
    LoginFailed,
    /// A parameter is missing or unusable; names it.
    BadParam(&'static str),
    /// The same under the code an action gives that parameter: (code, name).
    BadParamCoded(&'static str, &'static str),
    NoSuchJob,
    /// No domain of the account has that name, under this code: 13 as the real
    /// Domain.Info answers, or the 9 of the vendor's table.
    UnknownDomain(&'static str),
    NoDomains,
    NoRecords,
    JsonOnly,
    /// Record.Remove of a record the domain does not have: the vendor's code 8.
    BadRecordId,
    /// A submit over one of the vendor's job limits, under the fake's own code: the
    /// legacy API documents none (see the crate docs).
    JobRefused(Refused),
    /// A single-record action the account's rules refused (see [`record_code`]).
    Record(Failure),
    /// An MX priority outside 1-20, or none on an MX record: the vendor's code 30.
    BadMx,
    /// A `record_line_id` the fake does not know: the vendor's code 26, bad line.
    BadLine,
}

/// The code of a single-record action's refusal. The vendor documents 8 (bad record id)
/// and 31 (Create 2016: a conflicting record); for the others the code is unknown and
/// the fake picks one: 104 for a record that exists (named by no source, see RECORDS.md),
/// 6 (Create's "bad parameter") for a weight out of range, 31 for a conflict on Modify
/// too, and its own 704 for a record locked after too many modifies that changed nothing
/// and 705 for a line other than the default at a host with no default-line record.
fn record_code(failure: Failure) -> &'static str {
    match failure {
        Failure::NoSuchRecord | Failure::SystemRecord => "8",
        // Only job items fail on request; a single call never does.
        Failure::RecordExists | Failure::DomainExists | Failure::OnRequest => "104",
        Failure::NoSuchDomain | Failure::BadWeight => "6",
        Failure::Conflict => "31",
        Failure::Locked => "704",
        Failure::NoDefaultLine => "705",
    }
}

impl Reply {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Reply::Done => "1",
            Reply::PostOnly => "2",
            Reply::UnknownAction | Reply::JsonOnly => "3",
            Reply::LoginFailed => "10002",
            // The vendor's per-action "missing or bad parameter" code.
            Reply::BadParam(_) => "6",
            Reply::BadParamCoded(code, _) | Reply::UnknownDomain(code) => code,
            Reply::NoSuchJob | Reply::BadRecordId => "8",
            Reply::JobRefused(Refused::TooLarge) => "701",
            Reply::JobRefused(Refused::NoSlot) => "702",
            Reply::JobRefused(Refused::HourlyCap(_)) => "703",
            Reply::NoDomains => "9",
            Reply::NoRecords => "10",
            Reply::Record(failure) => record_code(failure),
            Reply::BadMx => "30",
            Reply::BadLine => "26",
        }
    }

    pub(crate) fn message(self, lang: Lang) -> String {
        let (en, cn) = match self {
            Reply::Done => ("Action completed successful", "操作已经成功完成"),
            Reply::PostOnly => ("Only POST is allowed", "只允许 POST 请求"),
            Reply::UnknownAction => ("Unknown error", "未知错误"),
            Reply::LoginFailed => ("The login token ID is invalid", "登录令牌无效"),
            Reply::BadParam(name) | Reply::BadParamCoded(_, name) => {
                return match lang {
                    Lang::En => format!("Missing or invalid parameter: {name}"),
                    Lang::Cn => format!("缺少参数或者参数错误：{name}"),
                };
            }
            Reply::NoSuchJob => ("No such job", "数据为空，没有查到该任务"),
            Reply::BadRecordId => ("Invalid record id", "记录ID错误"),
            Reply::Record(failure) => return failure_message(failure, lang).to_string(),
            Reply::BadMx => ("MX priority must be 1-20", "MX优先级错误，必须在1-20之间"),
            Reply::BadLine => ("Invalid record line", "记录线路错误"),
            Reply::JobRefused(refused) => {
                let (max, slots) = (MAX_RECORDS, MAX_UNFINISHED);
                return match (refused, lang) {
                    (Refused::TooLarge, Lang::En) => {
                        format!("A batch job may hold at most {max} records")
                    }
                    (Refused::TooLarge, Lang::Cn) => format!("一个批量任务最多 {max} 条记录"),
                    (Refused::NoSlot, Lang::En) => format!(
                        "The account has {slots} unfinished batch jobs; wait for one to finish"
                    ),
                    (Refused::NoSlot, Lang::Cn) => {
                        format!("账号已有 {slots} 个未完成的批量任务，请等待其中一个完成")
                    }
                    (Refused::HourlyCap(cap), Lang::En) => {
                        format!("At most {cap} batch jobs an hour from one IP")
                    }
                    (Refused::HourlyCap(cap), Lang::Cn) => {
                        format!("同一 IP 每小时最多提交 {cap} 个批量任务")
                    }
                };
            }
            Reply::UnknownDomain(UNKNOWN_DOMAIN) => {
                ("Domain is not exists", "当前域名未添加解析，请返回域名列表")
            }
            Reply::UnknownDomain(_) => ("Not the owner of the domain", "非域名所有者"),
            Reply::NoDomains => ("No domains", "没有任何域名"),
            Reply::NoRecords => ("No records", "记录列表为空"),
            Reply::JsonOnly => (
                "This fake answers format=json only",
                "本模拟服务只支持 format=json",
            ),
        };
        match lang {
            Lang::En => en.to_string(),
            Lang::Cn => cn.to_string(),
        }
    }
}
