use super::*;

fn write(home: &Path, profile: &str, text: &str) -> PathBuf {
    std::fs::create_dir_all(home.join(".tccli")).unwrap();
    let path = path(home, profile);
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

fn read(home: &Path, profile: &str) -> anyhow::Result<Option<CloudKeys>> {
    keys(home, profile, &mut Vec::new())
}

fn expiring(home: &Path, expires_at: &str) -> anyhow::Result<Option<CloudKeys>> {
    let text = format!(r#"{{"secretId": "AKIDx", "secretKey": "k", "expiresAt": {expires_at}}}"#);
    write(home, "sso", &text);
    read(home, "sso")
}

#[test]
fn profiles_are_read_with_their_token_and_expiry() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    write(
        home,
        "default",
        r#"{"secretId": "AKIDdefault", "secretKey": "k1"}"#,
    );
    write(
        home,
        "sso",
        r#"{"type": "sso", "secretId": "AKIDsso", "secretKey": "k2", "token": "t", "expiresAt": 4102444800}"#,
    );
    assert_eq!(
        read(home, "default").unwrap().unwrap().secret_id,
        "AKIDdefault"
    );
    let sso = read(home, "sso").unwrap().unwrap();
    assert_eq!(sso.session_token.unwrap().expose(), "t");
    assert!(read(home, "none").unwrap().is_none());
}

#[test]
fn an_expiry_in_any_form_tccli_writes_is_read() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    for past in [
        "1600000000",
        "\"1600000000000\"",
        "1.7e9",
        "\"1.7e9\"",
        "1600000000.5",
        "\"2020-12-06T10:00:00Z\"",
        "\"2020-12-06T10:00:00+08:00\"",
    ] {
        let err = expiring(home, past).unwrap_err().to_string();
        assert!(
            err.contains("expired") && err.contains("tccli"),
            "{past}: {err}"
        );
    }
    for future in [
        "4102444800",
        "4.1e9",
        "\"2099-12-06T10:00:00-05:00\"",
        "null",
    ] {
        assert!(expiring(home, future).unwrap().is_some(), "{future}");
    }
    for unreadable in ["\"soon\"", "true", "-5", "\"2026-12-06\"", "[1]", "1e300"] {
        let err = expiring(home, unreadable).unwrap_err().to_string();
        assert!(
            err.contains("expiresAt") && err.contains("sso.credential"),
            "{unreadable}: {err}"
        );
    }
}

#[test]
fn a_profile_name_that_is_a_path_is_refused_unread() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path().join("home");
    std::fs::create_dir_all(home.join("outside")).unwrap();
    std::fs::write(
        home.join("outside/x.credential"),
        r#"{"secretId": "AKIDx", "secretKey": "k"}"#,
    )
    .unwrap();
    for name in ["../outside/x", "a/b", "..", ".", "", "a\\b", "x\ny", "a..b"] {
        let err = read(&home, name).unwrap_err().to_string();
        assert!(err.contains("is not a profile name"), "{name:?}: {err}");
        assert!(!err.contains('\n'), "{err}");
    }
    assert!(read(&home, "my-profile_2.prod").unwrap().is_none());
}

#[cfg(unix)]
#[test]
fn a_file_others_can_read_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let path = write(
        home.path(),
        "default",
        r#"{"secretId": "AKIDx", "secretKey": "k"}"#,
    );
    let mut warnings = Vec::new();
    keys(home.path(), "default", &mut warnings).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    keys(home.path(), "default", &mut warnings).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("default.credential") && warnings[0].contains("chmod 600"),
        "{warnings:?}"
    );
}

#[test]
fn a_malformed_file_is_named_without_its_content() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path(),
        "default",
        r#"{"secretId": "AKID", "secretKey": "sekrit"#,
    );
    let err = read(home.path(), "default").unwrap_err().to_string();
    assert!(
        err.contains("default.credential") && !err.contains("sekrit"),
        "{err}"
    );
}
