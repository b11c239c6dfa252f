//! Raw HTTP/1.1: reading one request (head, Content-Length body, form) and writing one response.

use std::io::{self, BufRead, Read, Write};
use std::time::Duration;

/// Caps that keep a garbage or hostile peer from growing memory without bound.
const MAX_HEAD: u64 = 64 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;

/// What the real server labels its JSON with, refusals included.
pub(crate) const JSON: &str = "text/html;charset=UTF-8";
pub(crate) const TEXT: &str = "text/plain; charset=utf-8";
pub(crate) const HTML: &str = "text/html; charset=utf-8";
pub(crate) const XML: &str = "text/xml; charset=utf-8";

/// Which API a request speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Api {
    Legacy,
    /// `POST /` with an `X-TC-Action` header.
    V3,
}

/// One request as the fake received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path without its leading `/`, e.g. `Batch.Detail`; for API 3.0 the
    /// `X-TC-Action` header, e.g. `DescribeBatchTask`.
    pub action: String,
    pub api: Api,
    pub headers: Vec<(String, String)>,
    /// The decoded form fields of a legacy body, in order; empty for API 3.0.
    pub form: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    /// The first form field of that name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON, as API 3.0 sends it; `None` when it does not parse.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }

    /// The first header of that name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// The peer closed, stalled or sent too little: close without answering.
    Gone,
    /// Malformed or unsupported: answer with this status and reason.
    Reject(u16, &'static str),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        ReadError::Gone
    }
}

/// Reads one request from `input`; `interim` gets the `100 Continue` a client may wait for.
pub(crate) fn read_request(
    mut input: impl BufRead,
    mut interim: impl Write,
) -> Result<Request, ReadError> {
    let (method, target, headers) = read_head(&mut (&mut input).take(MAX_HEAD))?;
    if find_header(&headers, "transfer-encoding").is_some() {
        return Err(ReadError::Reject(
            411,
            "send the body with a Content-Length",
        ));
    }
    // Without Content-Length (and Transfer-Encoding) an HTTP/1.1 request has no body.
    let length = match find_header(&headers, "content-length") {
        None => 0,
        Some(value) => value
            .parse::<usize>()
            .map_err(|_| ReadError::Reject(400, "bad Content-Length"))?,
    };
    if length > MAX_BODY {
        return Err(ReadError::Reject(413, "body too large"));
    }
    let expects_continue = find_header(&headers, "expect")
        .is_some_and(|value| value.eq_ignore_ascii_case("100-continue"));
    if expects_continue && length > 0 {
        interim.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    let body = String::from_utf8(body).map_err(|_| ReadError::Reject(400, "body is not UTF-8"))?;
    let path = action_of(&target);
    let v3_action = find_header(&headers, "x-tc-action")
        .filter(|_| method == "POST" && path.is_empty())
        .map(str::to_string);
    let (action, api, form) = match v3_action {
        Some(action) => (action, Api::V3, Vec::new()),
        None => {
            let form = form_urlencoded::parse(body.as_bytes()).into_owned();
            (path, Api::Legacy, form.collect())
        }
    };
    Ok(Request {
        method,
        action,
        api,
        headers,
        form,
        body,
    })
}

type Head = (String, String, Vec<(String, String)>);

fn read_head(input: &mut impl BufRead) -> Result<Head, ReadError> {
    let line = read_line(input)?.ok_or(ReadError::Gone)?;
    let parts: Vec<&str> = line.split_whitespace().collect();
    let [method, target, version] = parts[..] else {
        return Err(ReadError::Reject(400, "malformed request line"));
    };
    if !version.starts_with("HTTP/") {
        return Err(ReadError::Reject(400, "malformed request line"));
    }
    if !version.starts_with("HTTP/1.") {
        return Err(ReadError::Reject(505, "only HTTP/1.x is served"));
    }
    let (method, target) = (method.to_string(), target.to_string());
    let mut headers = Vec::new();
    loop {
        let line = read_line(input)?.ok_or(ReadError::Reject(400, "request head cut short"))?;
        if line.is_empty() {
            return Ok((method, target, headers));
        }
        let (name, value) = line
            .split_once(':')
            .ok_or(ReadError::Reject(400, "malformed header"))?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
}

/// One line without its line ending; `None` when the input ended before any byte.
fn read_line(input: &mut impl BufRead) -> Result<Option<String>, ReadError> {
    let mut bytes = Vec::new();
    input.read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.pop() != Some(b'\n') {
        return Err(ReadError::Reject(400, "request head cut short or too long"));
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ReadError::Reject(400, "request head is not UTF-8"))
}

/// `/Batch.Detail?x=1` -> `Batch.Detail`; absolute-form targets (via a proxy) lose scheme and host.
fn action_of(target: &str) -> String {
    let path = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
        None => target,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_start_matches('/').to_string()
}

/// One complete answer; the connection closes after it.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    /// Headers beyond the ones every answer has, such as `Retry-After`.
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: String,
}

impl Response {
    pub(crate) fn new(status: u16, content_type: &'static str, body: impl Into<String>) -> Self {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// `404 Not Found`-style plain text.
    pub(crate) fn plain(status: u16, detail: &str) -> Self {
        Response::new(
            status,
            TEXT,
            format!("{status} {}: {detail}\n", reason(status)),
        )
    }

    pub(crate) fn head(&self) -> String {
        let extra: String = self
            .headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\r\n"))
            .collect();
        format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        )
    }

    pub(crate) fn write_to(&self, mut out: impl Write) -> io::Result<()> {
        out.write_all(self.head().as_bytes())?;
        out.write_all(self.body.as_bytes())?;
        out.flush()
    }

    /// The head at once, then the body a byte every `every`: a server that trickles.
    pub(crate) fn trickle_to(&self, mut out: impl Write, every: Duration) -> io::Result<()> {
        out.write_all(self.head().as_bytes())?;
        out.flush()?;
        for byte in self.body.as_bytes() {
            std::thread::sleep(every);
            out.write_all(std::slice::from_ref(byte))?;
            out.flush()?;
        }
        Ok(())
    }
}

pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests;
