//! A legacy request's form fields, read as the vendor reads them: blank is missing, lists
//! are comma-separated, and a bad value is refused naming the parameter.

use super::reply::Reply;
use crate::http::Request;

pub(super) fn required<'a>(request: &'a Request, name: &'static str) -> Result<&'a str, Reply> {
    request
        .param(name)
        .filter(|value| !value.trim().is_empty())
        .ok_or(Reply::BadParam(name))
}

pub(super) fn optional<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .param(name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// A comma list without blanks; at least one entry.
pub(super) fn list<'a>(request: &'a Request, name: &'static str) -> Result<Vec<&'a str>, Reply> {
    let items: Vec<&str> = required(request, name)?
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() {
        Err(Reply::BadParam(name))
    } else {
        Ok(items)
    }
}

pub(super) fn ids(request: &Request, name: &'static str) -> Result<Vec<u64>, Reply> {
    list(request, name)?
        .into_iter()
        .map(|id| {
            id.parse()
                .ok()
                .filter(|&id| id != 0)
                .ok_or(Reply::BadParam(name))
        })
        .collect()
}

pub(super) fn parse<T: std::str::FromStr>(value: &str, name: &'static str) -> Result<T, Reply> {
    value.trim().parse().map_err(|_| Reply::BadParam(name))
}
