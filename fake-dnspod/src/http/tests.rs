use super::*;

fn read(raw: &[u8]) -> Result<Request, ReadError> {
    read_request(raw, io::sink())
}

#[test]
fn reads_a_form_post_with_any_header_case() {
    let raw = b"POST /Batch.Detail HTTP/1.1\r\nhost: x\r\nCONTENT-LENGTH: 28\r\n\r\njob_id=1&lang=cn&v=%E4%BD%A0";
    let request = read(raw).unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.action, "Batch.Detail");
    assert_eq!(request.param("job_id"), Some("1"));
    assert_eq!(request.param("v"), Some("你"));
    assert_eq!(request.header("Host"), Some("x"));
    assert_eq!(request.header("content-length"), Some("28"));
}

#[test]
fn a_post_to_the_root_with_x_tc_action_is_api_3() {
    let raw = b"POST / HTTP/1.1\r\nX-TC-Action: DescribeBatchTask\r\nContent-Length: 11\r\n\r\n{\"JobId\":1}";
    let request = read(raw).unwrap();
    assert_eq!(
        (request.api, request.action.as_str()),
        (Api::V3, "DescribeBatchTask")
    );
    assert!(request.form.is_empty());
    assert_eq!(request.json().unwrap()["JobId"], 1);
    let legacy = read(b"POST /Batch.Detail HTTP/1.1\r\nX-TC-Action: A\r\n\r\n").unwrap();
    assert_eq!(
        (legacy.api, legacy.action.as_str()),
        (Api::Legacy, "Batch.Detail")
    );
}

#[test]
fn a_request_without_content_length_has_no_body() {
    let request = read(b"GET /Batch.Detail?x=1 HTTP/1.0\n\n").unwrap();
    assert_eq!(request.action, "Batch.Detail");
    assert!(request.body.is_empty() && request.form.is_empty());
}

#[test]
fn absolute_targets_lose_scheme_and_host() {
    assert_eq!(action_of("http://127.0.0.1:1/Batch.Detail"), "Batch.Detail");
    assert_eq!(action_of("http://127.0.0.1:1"), "");
    assert_eq!(action_of("/"), "");
}

#[test]
fn answers_100_continue_when_asked() {
    let mut interim = Vec::new();
    let raw = b"POST /A HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\na=1";
    read_request(&raw[..], &mut interim).unwrap();
    assert_eq!(interim, b"HTTP/1.1 100 Continue\r\n\r\n");
}

#[test]
fn malformed_input_is_rejected_not_panicked_on() {
    let cases: [(&[u8], ReadError); 9] = [
        (b"", ReadError::Gone),
        (
            b"\x00 not http\r\n\r\n",
            ReadError::Reject(400, "malformed request line"),
        ),
        (
            b"garbage\r\n\r\n",
            ReadError::Reject(400, "malformed request line"),
        ),
        (
            b"POST / HTTP/2\r\n\r\n",
            ReadError::Reject(505, "only HTTP/1.x is served"),
        ),
        (
            b"POST / HTTP/1.1\r\nno colon\r\n\r\n",
            ReadError::Reject(400, "malformed header"),
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
            ReadError::Reject(400, "bad Content-Length"),
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
            ReadError::Reject(413, "body too large"),
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nshort",
            ReadError::Gone,
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n\xff\xfe",
            ReadError::Reject(400, "body is not UTF-8"),
        ),
    ];
    for (raw, expected) in cases {
        assert_eq!(
            read(raw).unwrap_err(),
            expected,
            "{:?}",
            String::from_utf8_lossy(raw)
        );
    }
    assert_eq!(
        read(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap_err(),
        ReadError::Reject(411, "send the body with a Content-Length")
    );
    assert_eq!(
        read(b"\xff\xff / HTTP/1.1\r\n\r\n").unwrap_err(),
        ReadError::Reject(400, "request head is not UTF-8")
    );
    let endless = vec![b'a'; MAX_HEAD as usize + 10];
    assert_eq!(
        read(&endless).unwrap_err(),
        ReadError::Reject(400, "request head cut short or too long")
    );
}

#[test]
fn writes_length_and_close() {
    let mut out = Vec::new();
    Response::new(200, JSON, "{}").write_to(&mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=UTF-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
    );
}
