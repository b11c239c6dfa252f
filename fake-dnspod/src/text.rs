//! The English and Chinese wording both APIs share: the language an answer is written in,
//! and why a job item failed.

use crate::json::{Json, text};
use crate::model::item::Status;
use crate::model::zone::Failure;

/// Language of `status.message` and `err_msg`, picked by the `lang` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Cn,
}

impl Lang {
    /// The vendor answers in English unless asked for `cn`.
    pub(crate) fn from_param(value: Option<&str>) -> Lang {
        if value == Some("cn") {
            Lang::Cn
        } else {
            Lang::En
        }
    }
}

/// Why a job item ended in `error`, as its `err_msg` (`ErrMsg`) says. The vendor's text
/// for [`Failure::SystemRecord`] is not recorded: the fake's guess.
pub(crate) fn failure_message(failure: Failure, lang: Lang) -> &'static str {
    match (failure, lang) {
        (Failure::DomainExists, Lang::En) => "Domain already exists",
        (Failure::DomainExists, Lang::Cn) => "域名已存在",
        (Failure::NoSuchDomain, Lang::En) => "Domain does not exist",
        (Failure::NoSuchDomain, Lang::Cn) => "域名不存在",
        (Failure::RecordExists, Lang::En) => "Record already exists",
        (Failure::RecordExists, Lang::Cn) => "记录已经存在",
        (Failure::NoSuchRecord, Lang::En) => "Record does not exist",
        (Failure::NoSuchRecord, Lang::Cn) => "记录不存在",
        (Failure::SystemRecord, Lang::En) => "System NS records cannot be changed",
        (Failure::SystemRecord, Lang::Cn) => "系统 NS 记录不可修改",
        (Failure::Conflict, Lang::En) => {
            "A CNAME record cannot share its host and line with records of other types"
        }
        (Failure::Conflict, Lang::Cn) => "CNAME 记录与同一主机记录、同一线路的其他类型记录冲突",
        (Failure::NoDefaultLine, Lang::En) => "Add a record on the default line first",
        (Failure::NoDefaultLine, Lang::Cn) => "请先添加默认线路的记录",
        (Failure::BadWeight, Lang::En) => "Weight must be between 0 and 100",
        (Failure::BadWeight, Lang::Cn) => "权重必须在 0 到 100 之间",
        (Failure::Locked, Lang::En) => {
            "The record was modified without change too often and is locked for an hour"
        }
        (Failure::Locked, Lang::Cn) => "记录无变化修改过于频繁，已锁定一小时",
        (Failure::OnRequest, Lang::En) => {
            "Failed on request: the fake fails every name starting with `fail`"
        }
        (Failure::OnRequest, Lang::Cn) => "按要求失败：假服务器让以 fail 开头的名字失败",
    }
}

/// An item's `status` (`Status`), the same word on both APIs.
pub(crate) fn status(status: Status) -> Json {
    text(match status {
        Status::Waiting => "waiting",
        Status::Running => "running",
        Status::Ok => "ok",
        Status::Error(_) => "error",
    })
}

/// An item's `err_msg` (`ErrMsg`): why it failed, or `null`.
pub(crate) fn err_msg(status: Status, lang: Lang) -> Json {
    match status {
        Status::Error(failure) => text(failure_message(failure, lang)),
        _ => Json::Null,
    }
}
