//! The listening side: one thread accepting, one thread per connection, faults before handling.

use std::io::{self, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crate::fault::{self, Effect, FaultQueue};
use crate::http::{self, Api, ReadError, Request, Response};
use crate::listing::Listing;
use crate::lock::lock;
use crate::model::state::State;
use crate::throttle::Throttle;
use crate::{legacy, v3};

/// A stalled client must not hold its thread forever.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for the client's close after answering.
const LINGER: Duration = Duration::from_secs(1);

/// Everything the connection threads share with the `FakeDnspod` handle.
pub(crate) struct Shared {
    pub(crate) legacy: legacy::Settings,
    pub(crate) keys: v3::Keys,
    pub(crate) listing: Listing,
    pub(crate) state: Mutex<State>,
    pub(crate) requests: Mutex<Vec<Request>>,
    pub(crate) faults: Mutex<FaultQueue>,
    pub(crate) throttle: Throttle,
    pub(crate) stop: AtomicBool,
}

pub(crate) fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        match stream {
            Ok(stream) => {
                let shared = Arc::clone(&shared);
                // Spawning fails only when the system is out of threads: drop that connection.
                let _ = thread::Builder::new()
                    .name("fake-dnspod-conn".into())
                    .spawn(move || serve(&stream, &shared));
            }
            // E.g. out of file descriptors: back off rather than spin.
            Err(_) => thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn serve(stream: &TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    // The job limits count per source IP; a peer without an address is loopback's.
    let client = stream
        .peer_addr()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |peer| peer.ip());
    let written = match http::read_request(BufReader::new(stream), stream) {
        Ok(request) => answer(request, client, shared, stream),
        Err(ReadError::Reject(status, why)) => Response::plain(status, why).write_to(stream),
        Err(ReadError::Gone) => return,
    };
    if written.is_ok() {
        linger(stream);
    }
}

/// Answers a well-formed request: as a scripted fault says, or as the API would.
fn answer(request: Request, client: IpAddr, shared: &Shared, stream: &TcpStream) -> io::Result<()> {
    lock(&shared.requests).push(request.clone());
    let fault = if shared.throttle.over_rate(&request.action) {
        Some(fault::over_rate(request.api))
    } else {
        lock(&shared.faults).take(&request.action)
    };
    let handle = || match request.api {
        Api::Legacy => {
            let settings = (&shared.legacy, shared.listing);
            legacy::handle(&request, client, settings, &shared.state)
        }
        Api::V3 => {
            let settings = (&shared.keys, shared.listing);
            v3::handle(&request, client, settings, &shared.state)
        }
    };
    match fault.map(|fault| fault.effect(&request)) {
        None => handle().write_to(stream),
        Some(Effect::ProcessAfter(delay)) => {
            thread::sleep(delay);
            handle().write_to(stream)
        }
        Some(Effect::Echo(marker)) => {
            let mut response = handle();
            response.body = response.body.replace(&marker, &echo(&request, shared));
            response.write_to(stream)
        }
        Some(Effect::Trickle(every)) => handle().trickle_to(stream, every),
        Some(Effect::Stream { head, length }) => stream_to(stream, &head, length),
        Some(Effect::Answer(response)) => response.write_to(stream),
        // Closing without a byte of answer.
        Some(Effect::Close) => Err(io::ErrorKind::ConnectionAborted.into()),
    }
}

/// The secrets of `request`'s API escaped, for [`crate::Fault::EscapedEcho`]: the
/// token's secret, or the SecretKey and session token the request is signed with.
fn echo(request: &Request, shared: &Shared) -> String {
    match request.api {
        Api::Legacy => fault::json_escaped(&[shared.legacy.secret()]),
        Api::V3 => fault::json_escaped(&shared.keys.secrets_of(request)),
    }
}

/// At most this much of an endless body is sent: the loop must end by itself.
const ENDLESS_LIMIT: u64 = 1 << 30;

/// `head`, then JSON white space as fast as the client reads it, until `length`, the
/// client closes, or [`ENDLESS_LIMIT`].
fn stream_to(mut out: &TcpStream, head: &str, length: Option<u64>) -> io::Result<()> {
    out.write_all(head.as_bytes())?;
    let chunk = [b' '; 64 << 10];
    let mut left = length.unwrap_or(ENDLESS_LIMIT).min(ENDLESS_LIMIT);
    while left > 0 {
        let n = usize::try_from(left.min(chunk.len() as u64)).unwrap_or(chunk.len());
        out.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    out.flush()
}

/// Half-closes, then drains whatever the client still sends until it closes: closing a
/// socket with unread input resets it, which can destroy the answer still in flight.
fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(LINGER));
    let _ = io::copy(&mut stream.take(1024 * 1024), &mut io::sink());
}
