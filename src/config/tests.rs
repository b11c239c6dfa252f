use super::*;
use crate::converge::Thresholds;

fn login(settings: &Settings) -> String {
    match &settings.credentials {
        Some(Credentials::Legacy(token)) => token.login_token(),
        other => panic!("no token: {other:?}"),
    }
}

fn file(text: &str) -> LoadedFile {
    LoadedFile {
        path: Some(PathBuf::from("/cfg/config.toml")),
        raw: parse(text).unwrap(),
    }
}

const FILE: &str = r#"
token = "1,top"
endpoint = "https://top.example"
lang = "cn"

[profiles.work]
token = "2,work"
email = "ops@example.com"
"#;

#[test]
fn flag_or_env_beats_profile_beats_top_beats_default() {
    let f = file(FILE);
    let top = resolve(&Overrides::default(), &f).unwrap();
    assert_eq!(login(&top), "1,top");
    assert_eq!(top.endpoint.to_string(), "https://top.example");
    assert_eq!(top.lang, Lang::Cn);
    assert_eq!(top.email, None);

    let work = Overrides {
        profile: Some("work".into()),
        ..Overrides::default()
    };
    let work = resolve(&work, &f).unwrap();
    assert_eq!(login(&work), "2,work");
    assert_eq!(
        work.endpoint.to_string(),
        "https://top.example",
        "falls back to the top level"
    );
    assert_eq!(work.email.as_deref(), Some("ops@example.com"));

    let flags = Overrides {
        profile: Some("work".into()),
        token: Some(Given {
            value: SecretString::new("3,flag".into()),
            from: "--token",
        }),
        lang: Some(Lang::En),
        ..Overrides::default()
    };
    let flags = resolve(&flags, &f).unwrap();
    assert_eq!(login(&flags), "3,flag");
    assert_eq!(flags.lang, Lang::En);

    let defaults = resolve(&Overrides::default(), &LoadedFile::default()).unwrap();
    assert_eq!(
        defaults.endpoint.to_string(),
        Api::Legacy.default_endpoint()
    );
    assert_eq!(defaults.lang, Lang::En);
    assert!(defaults.credentials.is_none());
    assert_eq!(defaults.api, Api::Legacy);
}

#[test]
fn the_example_config_parses_and_shows_every_key() {
    let example = parse(include_str!("../../config.example.toml")).unwrap();
    let top = &example.top;
    assert!(
        top.token.is_some() && top.email.is_some() && top.endpoint.is_some() && top.lang.is_some()
    );
    assert!(example.profiles.contains_key("fake"));
    let fake = Overrides {
        profile: Some("fake".into()),
        ..Overrides::default()
    };
    let loaded = LoadedFile {
        path: None,
        raw: example,
    };
    assert!(resolve(&fake, &loaded).unwrap().endpoint.is_loopback());
    // The fake speaks API 3.0 too, with its own keys.
    let fake_v3 = Overrides {
        api: Some(Given {
            value: "v3".into(),
            from: "--api",
        }),
        ..fake
    };
    let settings = resolve(&fake_v3, &loaded).unwrap();
    match settings.credentials {
        Some(Credentials::V3(keys)) => {
            assert_eq!(keys.secret_id, "AKIDfakeDnspod0000000000000000000000")
        }
        other => panic!("API 3.0 keys, not {other:?}"),
    }
}

#[test]
fn a_malformed_token_names_its_source_but_not_its_secret() {
    let err = resolve(&Overrides::default(), &file("token = \"sekrit\"\n")).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains("/cfg/config.toml") && !text.contains("sekrit"),
        "{text}"
    );
}

#[test]
fn a_missing_profile_lists_the_known_ones() {
    let overrides = Overrides {
        profile: Some("nope".into()),
        ..Overrides::default()
    };
    let err = format!("{:#}", resolve(&overrides, &file(FILE)).unwrap_err());
    assert!(err.contains("nope") && err.contains("work"), "{err}");
}

#[test]
fn bad_lang_and_plain_http_endpoints_are_usage_errors() {
    let err = resolve(&Overrides::default(), &file("lang = \"fr\"\n")).unwrap_err();
    assert_eq!(crate::error::exit_code(&err), 2);
    let err = resolve(
        &Overrides::default(),
        &file("endpoint = \"http://dnsapi.cn\"\n"),
    )
    .unwrap_err();
    assert_eq!(crate::error::exit_code(&err), 2);
}

#[test]
fn the_api_follows_the_credentials_unless_named() {
    let v3 = Overrides {
        secret_id: Some(Given {
            value: "AKIDexample".into(),
            from: "TENCENTCLOUD_SECRET_ID",
        }),
        secret_key: Some(Given {
            value: SecretString::new("key".into()),
            from: "TENCENTCLOUD_SECRET_KEY",
        }),
        ..Overrides::default()
    };
    let settings = resolve(&v3, &file("")).unwrap();
    assert_eq!(settings.api, Api::V3);
    assert_eq!(settings.endpoint.to_string(), Api::V3.default_endpoint());
    // A token wins under auto; --api v3 takes the keys even then.
    let both = resolve(&v3, &file("token = \"1,a\"\n")).unwrap();
    assert_eq!(both.api, Api::Legacy);
    let named = Overrides {
        api: Some(Given {
            value: "v3".into(),
            from: "--api",
        }),
        ..v3
    };
    let named = resolve(&named, &file("token = \"1,a\"\n")).unwrap();
    assert!(matches!(named.credentials, Some(Credentials::V3(_))));
    let bad = resolve(&Overrides::default(), &file("api = \"v2\"\n")).unwrap_err();
    assert!(bad.to_string().contains("`v2`"), "{bad}");
}

#[test]
fn missing_token_error_names_env_and_path() {
    let settings = resolve(&Overrides::default(), &file("")).unwrap();
    let err = settings.require_credentials().unwrap_err().to_string();
    assert!(
        err.contains("DNSPOD_TOKEN") && err.contains("/cfg/config.toml"),
        "{err}"
    );
}

fn keys_of(settings: &Settings) -> &crate::secret::CloudKeys {
    match &settings.credentials {
        Some(Credentials::V3(keys)) => keys,
        other => panic!("no API 3.0 keys: {other:?}"),
    }
}

fn env_key(name: &'static str, value: &str) -> Option<Given> {
    Some(Given {
        value: value.into(),
        from: name,
    })
}

#[test]
fn a_profile_of_api_3_keys_never_inherits_the_top_level_token() {
    let text =
        "token = \"1,top\"\n[profiles.cloud]\nsecret_id = \"AKIDcloud\"\nsecret_key = \"k\"\n";
    let cloud = Overrides {
        profile: Some("cloud".into()),
        ..Overrides::default()
    };
    let settings = resolve(&cloud, &file(text)).unwrap();
    assert_eq!(settings.api, Api::V3);
    assert_eq!(keys_of(&settings).secret_id, "AKIDcloud");
    // Without the profile, the top level's token is the run's.
    assert_eq!(
        login(&resolve(&Overrides::default(), &file(text)).unwrap()),
        "1,top"
    );
}

#[test]
fn a_pair_comes_whole_from_one_source_with_its_own_session_token() {
    let text = "secret_id = \"AKIDfile\"\nsecret_key = \"k\"\nsession_token = \"file-token\"\n";
    // Half a pair in the environment is not completed from the file.
    let half = Overrides {
        secret_id: env_key("TENCENTCLOUD_SECRET_ID", "AKIDenv"),
        ..Overrides::default()
    };
    let err = resolve(&half, &file(text)).unwrap_err().to_string();
    assert!(err.contains("no SecretKey"), "{err}");
    // A whole pair in the environment takes no session token from the file, and a
    // leftover one in the environment is not attached to the file's keys.
    let env_pair = Overrides {
        secret_id: env_key("TENCENTCLOUD_SECRET_ID", "AKIDenv"),
        secret_key: Some(Given {
            value: SecretString::new("k2".into()),
            from: "TENCENTCLOUD_SECRET_KEY",
        }),
        ..Overrides::default()
    };
    let settings = resolve(&env_pair, &file(text)).unwrap();
    assert!(keys_of(&settings).session_token.is_none());
    let leftover = Overrides {
        session_token: Some(SecretString::new("stale".into())),
        ..Overrides::default()
    };
    let settings = resolve(&leftover, &file(text)).unwrap();
    assert_eq!(
        keys_of(&settings)
            .session_token
            .as_ref()
            .map(SecretString::expose),
        Some("file-token")
    );
}

#[test]
fn keys_with_a_control_character_are_refused_naming_the_source_only() {
    let bad = Overrides {
        secret_id: env_key("TENCENTCLOUD_SECRET_ID", "AKIDenv"),
        secret_key: Some(Given {
            value: SecretString::new("k".into()),
            from: "TENCENTCLOUD_SECRET_KEY",
        }),
        session_token: Some(SecretString::new("tok\r".into())),
        ..Overrides::default()
    };
    let err = resolve(&bad, &file("")).unwrap_err();
    assert_eq!(crate::error::exit_code(&err), 2);
    assert!(err.to_string().contains("the session token"), "{err}");
}

#[test]
fn a_secret_of_the_wrong_type_is_not_repeated() {
    let err = parse("secret_key = 9876543210987\n").unwrap_err();
    assert!(!err.contains("9876543210987"), "{err}");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn the_desired_state_keys_come_from_the_profile_else_the_top_level() {
    let f = file(
        "token = \"1,top\"\nignore = [\"_acme-challenge*:TXT\"]\nmax_modify = 50\n\n[profiles.work]\nmax_delete = 5\nignore = []\n",
    );
    let top = resolve(&Overrides::default(), &f).unwrap().desired;
    assert_eq!(top.ignore[0].text(), "_acme-challenge*:TXT");
    assert_eq!(
        (top.thresholds.max_modify, top.thresholds.max_delete),
        (50, 30)
    );
    let work = Overrides {
        profile: Some("work".into()),
        ..Overrides::default()
    };
    let work = resolve(&work, &f).unwrap().desired;
    assert!(work.ignore.is_empty());
    assert_eq!(
        (work.thresholds.max_modify, work.thresholds.max_delete),
        (50, 5)
    );
    let none = resolve(&Overrides::default(), &file("")).unwrap().desired;
    assert_eq!(none.thresholds, Thresholds::default());
}

#[test]
fn bad_desired_state_keys_are_named() {
    let err = resolve(&Overrides::default(), &file("ignore = [\"ok\", \"a b\"]\n"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/cfg/config.toml") && err.contains("`a b`"),
        "{err}"
    );
    let err = resolve(&Overrides::default(), &file("max_delete = 101\n"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("max_delete 101") && err.contains("0 to 100"),
        "{err}"
    );
}
