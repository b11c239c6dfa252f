//! A scripted HTTP server on loopback for the client's tests: it answers each connection
//! with the next answer in turn and hands back every request it read, head and body.

use super::Credentials;
use super::client::Client;
use super::wire::{Request, submit_request};
use crate::backend::http::TransportOptions;
use crate::backend::{Endpoint, Lang, Trace};
use crate::job::JobSpec;
use crate::secret::test_keys;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::Duration;

/// Serves `answers` (HTTP 200, JSON), one a connection, then ends.
pub(crate) fn serve(answers: Vec<String>) -> (Endpoint, JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = Endpoint::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    let handle = std::thread::spawn(move || {
        answers
            .into_iter()
            .map(|answer| answer_one(listener.accept().unwrap().0, &answer))
            .collect()
    });
    (endpoint, handle)
}

fn answer_one(stream: TcpStream, answer: &str) -> String {
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    // `Connection: close`, so that each request comes on a connection of its own.
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
    reader.get_mut().write_all(reply.as_bytes()).unwrap();
    head + &String::from_utf8(body).unwrap()
}

pub(crate) fn credentials() -> Credentials {
    test_keys(
        "AKIDdpbatchTESTsecretId0000000000000".into(),
        "dpbatchTESTsecretKey000000000000".into(),
        Some("session-tok".into()),
    )
}

/// A client of `endpoint` signing at a fixed time.
pub(crate) fn client(endpoint: Endpoint, trace: Option<Trace>) -> Client {
    let credentials = credentials();
    Client::new(
        endpoint,
        credentials.clone(),
        Lang::Cn,
        || 1_700_000_000,
        TransportOptions {
            user_agent: "dpbatch/test".into(),
            request_timeout: Duration::from_secs(10),
            loopback: true,
            https: false,
            redactor: credentials.redactor(),
            trace,
            rate: |_| None,
        },
    )
    .unwrap()
}

pub(crate) fn domain_create() -> Request {
    submit_request(&JobSpec::DomainCreate {
        domains: vec!["a.cn".into()],
        value: None,
    })
}
