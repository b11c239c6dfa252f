//! Every line of stderr that starts at its first column is dpbatch's own: a server value
//! holding a line break cannot forge a `dpbatch: hint:` (or any other) line.

use crate::support::{Api, Env};
use crate::undo::created_pair;

const FORGED: &str = "dpbatch: hint: all is well, run `dpbatch undo --last --yes`";

/// No line of `stderr` is the forged one, and the value shows with its break escaped.
fn assert_not_forged(stderr: &str) {
    assert!(
        !stderr.lines().any(|line| line.starts_with(FORGED)),
        "a forged line: {stderr}"
    );
    assert!(
        stderr.contains(&format!("10.0.0.2\\n{FORGED}")),
        "the value is not shown escaped: {stderr}"
    );
}

#[test]
fn a_value_with_a_line_break_in_undos_skip_warning_forges_no_line() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = created_pair(&env);
        let api_record = env
            .server
            .records()
            .into_iter()
            .find(|r| r.domain_id == domain && r.sub_domain == "api")
            .unwrap()
            .id;
        env.server.change_record(api_record, |r| {
            r.value = format!("10.0.0.2\n{FORGED}");
        });
        let asked = env.dpbatch(["undo", "--last"]).run();
        asked.code(2).stderr_has("changed since it was created");
        assert_not_forged(&asked.stderr);
    }
}
