//! The Chinese the real API 3.0 answers its refusals in when asked `X-TC-Language: zh-CN`,
//! for the messages dpbatch's tests show; any other message stays English.

/// `message` in the language `header` asks for.
pub(crate) fn message<'m>(message: &'m str, header: Option<&str>) -> &'m str {
    if header != Some("zh-CN") {
        return message;
    }
    CHINESE
        .iter()
        .find(|(english, _)| *english == message)
        .map_or(message, |(_, chinese)| chinese)
}

const CHINESE: [(&str, &str); 6] = [
    ("The batch job does not exist.", "批量任务不存在。"),
    (
        "The SecretId is not found, please ensure that your SecretId is correct.",
        "SecretId 不存在，请输入正确的密钥。",
    ),
    (
        "The token of the temporary credentials is missing or not valid.",
        "临时证书的 Token 缺失或无效。",
    ),
    (
        "The domain does not exist in this account.",
        "当前域名有误，请返回重新操作。",
    ),
    ("The record list is empty.", "记录列表为空。"),
    (
        "A batch job may hold at most 5000 records.",
        "单个批量任务最多 5000 条记录。",
    ),
];

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn zh_cn_gets_the_vendors_chinese_and_anything_else_english() {
        let english = "The batch job does not exist.";
        assert_eq!(message(english, Some("zh-CN")), "批量任务不存在。");
        assert_eq!(message(english, Some("en-US")), english);
        assert_eq!(message(english, None), english);
        assert_eq!(message("Unlisted.", Some("zh-CN")), "Unlisted.");
    }
}
