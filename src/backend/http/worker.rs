//! The thread a request is sent and read on, so that neither a trickling answer nor
//! Ctrl-C can hold the caller past its deadline. Each calling thread keeps one for its
//! next request (a thread started per request, and every waiter woken by each answer, was
//! most of a look-up's CPU); one left behind by a caller that stopped waiting is let go.

use super::{CallError, Exchange, MAX_ANSWER_BYTES, error_chain, parse_retry_after};
use crate::duration::display_duration;
use crate::signal::{Bell, Waited};
use reqwest::blocking::RequestBuilder;
use rust_i18n::t;
use std::cell::RefCell;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, mpsc::Receiver, mpsc::Sender};
use std::time::{Duration, Instant};

/// A request and the flag its caller sets once it stops waiting.
struct Job {
    request: RequestBuilder,
    cancelled: Arc<AtomicBool>,
}

/// A calling thread's worker: it ends when its caller drops this.
struct Worker {
    jobs: Sender<Job>,
    answers: Receiver<Result<Exchange, CallError>>,
    bell: Arc<Bell>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

impl Worker {
    fn start() -> Result<Worker, CallError> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (reply, answers) = mpsc::channel();
        let bell = Bell::registered();
        let rings = Arc::clone(&bell);
        std::thread::Builder::new()
            .name("dpbatch-request".into())
            .spawn(move || {
                for job in inbox {
                    if reply
                        .send(send_and_read(job.request, &job.cancelled))
                        .is_err()
                    {
                        break;
                    }
                    rings.ring();
                }
            })
            .map_err(|e| CallError::NotSent(t!("backend.thread_start", why = e).into_owned()))?;
        Ok(Worker {
            jobs,
            answers,
            bell,
        })
    }
}

/// Sends `request` on this thread's worker and waits for its answer until `deadline` or
/// a signal; `timeout` is the request timeout, named when the deadline passes.
pub(super) fn run(
    request: RequestBuilder,
    deadline: Instant,
    timeout: Duration,
) -> Result<Exchange, CallError> {
    let worker = match WORKER.with(|kept| kept.borrow_mut().take()) {
        Some(worker) => worker,
        None => Worker::start()?,
    };
    let cancelled = Arc::new(AtomicBool::new(false));
    let job = Job {
        request,
        cancelled: Arc::clone(&cancelled),
    };
    if worker.jobs.send(job).is_err() {
        return Err(CallError::NotSent(t!("backend.thread_ended").into_owned()));
    }
    let mut answer = None;
    let waited = worker.bell.wait(deadline, || {
        answer = match worker.answers.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(CallError::Transport(
                t!("backend.thread_lost").into_owned(),
            ))),
        };
        answer.is_some()
    });
    cancelled.store(true, Ordering::SeqCst);
    match (waited, answer) {
        (Waited::Ready, Some(Ok(result))) => {
            // Idle again: kept for this thread's next request.
            WORKER.with(|kept| *kept.borrow_mut() = Some(worker));
            result
        }
        (Waited::Ready, Some(Err(lost))) => Err(lost),
        (Waited::Interrupted, _) => Err(CallError::Interrupted { sent: true }),
        _ => Err(CallError::Transport(
            t!("backend.timeout", timeout = display_duration(timeout)).into_owned(),
        )),
    }
}

/// The worker's half of [`Transport::post`]: the request, then the body, read up to
/// [`MAX_ANSWER_BYTES`] and given up as soon as the caller stopped waiting.
fn send_and_read(request: RequestBuilder, cancelled: &AtomicBool) -> Result<Exchange, CallError> {
    let mut response = request.send().map_err(|e| {
        let why = error_chain(&e);
        // A request that could not be built (a header value with a control character)
        // never left, like one that found no connection.
        if e.is_connect() || e.is_builder() {
            CallError::NotSent(why)
        } else if e.is_timeout() {
            CallError::Transport(t!("backend.no_answer_in_time", why = why).into_owned())
        } else {
            CallError::Transport(why)
        }
    })?;
    let too_large = || {
        CallError::Unreadable(t!("backend.too_large", mib = MAX_ANSWER_BYTES >> 20).into_owned())
    };
    let length = response.content_length();
    if length.is_some_and(|length| length > MAX_ANSWER_BYTES) {
        return Err(too_large());
    }
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(parse_retry_after);
    // One exact allocation when the length is known: a large Batch.Detail answer is
    // several MB, and a growing buffer would hold up to twice that.
    let mut body = Vec::with_capacity(usize::try_from(length.unwrap_or(0)).unwrap_or(0));
    let mut chunk = vec![0; 64 << 10];
    loop {
        let read = response.read(&mut chunk).map_err(|e| {
            CallError::Transport(t!("backend.reading", why = error_chain(&e)).into_owned())
        })?;
        if read == 0 || cancelled.load(Ordering::SeqCst) {
            break;
        }
        if (body.len() + read) as u64 > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk[..read]);
    }
    Ok(Exchange {
        status: response.status().as_u16(),
        retry_after,
        body,
    })
}
