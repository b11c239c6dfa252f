//! Raw-HTTP tests of the fake over std `TcpStream`: helpers here, one module per topic.

mod deletes;
mod faults;
mod job_limits;
mod jobs;
mod lookups;
mod protocol;
mod rates;
mod records;
mod refusals;
mod shapes;
mod v3;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use fake_dnspod::{DEFAULT_TOKEN, FakeDnspod};
use serde_json::Value;

/// An answer as it came off the socket.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|err| panic!("{err}: {}", self.body))
    }
}

pub fn connect(server: &FakeDnspod) -> TcpStream {
    let addr = server.url().trim_start_matches("http://").to_string();
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Sends raw bytes, then reads until the server closes.
pub fn exchange(server: &FakeDnspod, raw: &[u8]) -> Vec<u8> {
    let mut stream = connect(server);
    stream.write_all(raw).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    answer
}

pub fn parse_reply(raw: &[u8]) -> Reply {
    let text = String::from_utf8(raw.to_vec()).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(": ").unwrap();
            (name.to_string(), value.to_string())
        })
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A request as reqwest would send it.
pub fn request(method: &str, action: &str, params: &[(&str, &str)]) -> Vec<u8> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    format!(
        "{method} /{action} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/x-www-form-urlencoded\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

pub fn post(server: &FakeDnspod, action: &str, params: &[(&str, &str)]) -> Reply {
    parse_reply(&exchange(server, &request("POST", action, params)))
}

/// A well-formed API call with the common parameters (English) and a JSON answer.
pub fn call(server: &FakeDnspod, action: &str, params: &[(&str, &str)]) -> Value {
    call_in(server, "en", action, params)
}

pub fn call_in(server: &FakeDnspod, lang: &str, action: &str, params: &[(&str, &str)]) -> Value {
    send(server, lang, action, params).json()
}

/// Like `call_in`, keeping the body as text to check key order.
pub fn send(server: &FakeDnspod, lang: &str, action: &str, params: &[(&str, &str)]) -> Reply {
    let mut all = vec![
        ("login_token", DEFAULT_TOKEN),
        ("format", "json"),
        ("lang", lang),
        ("error_on_empty", "no"),
    ];
    all.extend_from_slice(params);
    let reply = post(server, action, &all);
    assert_eq!(reply.status, 200, "{}", reply.body);
    // As the real server labels every JSON answer.
    assert_eq!(
        reply.header("content-type"),
        Some("text/html;charset=UTF-8")
    );
    reply
}

/// The `status.code` of an answer.
pub fn code(answer: &Value) -> &str {
    answer["status"]["code"].as_str().unwrap()
}

/// Every item status of a Batch.Detail answer, domains and records in order.
pub fn statuses(answer: &Value) -> Vec<String> {
    let mut all = Vec::new();
    for domain in answer["detail"].as_array().unwrap() {
        all.push(domain["status"].as_str().unwrap().to_string());
        for record in domain["records"].as_array().unwrap() {
            all.push(record["status"].as_str().unwrap().to_string());
        }
    }
    all
}
