use super::*;

#[test]
fn envelope_parses_with_status_first() {
    let body = envelope("8", "No such job", vec![("x", Json::Num(1))]);
    assert!(body.starts_with(r#"{"status":{"code":"8","message":"No such job","created_at":""#));
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(value["x"], 1);
}
