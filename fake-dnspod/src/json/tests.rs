use super::*;

#[test]
fn json_keeps_key_order_and_escapes() {
    let value = Json::Obj(vec![
        ("z", Json::Null),
        ("a", Json::Arr(vec![Json::Num(1), text("默认 \"q\"\n")])),
    ]);
    assert_eq!(value.to_string(), r#"{"z":null,"a":[1,"默认 \"q\"\n"]}"#);
}
