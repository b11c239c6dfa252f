use super::*;

#[test]
fn faults_are_taken_oldest_first_per_matching_action() {
    let mut queue = FaultQueue::default();
    queue.push("Batch.Detail", Fault::Html);
    queue.push("*", Fault::Drop);
    queue.push("Batch.Detail", Fault::BrokenJson);
    assert_eq!(queue.take("Batch.Record.Create"), Some(Fault::Drop));
    assert_eq!(queue.take("Batch.Record.Create"), None);
    assert_eq!(queue.take("Batch.Detail"), Some(Fault::Html));
    assert_eq!(queue.take("Batch.Detail"), Some(Fault::BrokenJson));
    assert_eq!(queue.take("Batch.Detail"), None);
}

#[test]
fn escaped_echoes_decode_to_the_secrets_and_hold_none_raw() {
    let echo = json_escaped(&["fake-s/cret", "tok"]);
    assert_eq!(
        echo,
        "\\u0066a\\u006be\\u002ds\\/c\\u0072e\\u0074 \\u0074o\\u006b"
    );
    let decoded: String = serde_json::from_str(&format!("\"{echo}\"")).unwrap();
    assert_eq!(decoded, "fake-s/cret tok");
    assert!(!echo.contains("ake") && !echo.contains("tok"), "{echo}");
}

#[test]
fn broken_json_does_not_parse() {
    assert!(serde_json::from_str::<serde_json::Value>(TRUNCATED_JSON).is_err());
}
