//! A records file's jobs go out in the file's order, not sorted by their records.

use crate::support::{Api, Env};

#[test]
fn a_records_files_jobs_keep_the_files_order() {
    for api in Api::BOTH {
        let env = Env::on(api);
        // b.example gets the lower ID; the file names a.example (host zeta) first.
        env.server.add_domain("b.example");
        env.server.add_domain("a.example");
        let row = |domain: &str, sub: &str| {
            format!(
                r#"{{"domain":"{domain}","sub_domain":"{sub}","record_type":"A","line":"默认","value":"192.0.2.5","ttl":600}}"#
            )
        };
        let text = [row("a.example", "zeta"), row("b.example", "alpha")].join("\n");
        let file = env.file("rows.jsonl", &text);
        let run = env.run(&["record-create", "--records-file", file.to_str().unwrap()]);
        let jobs: Vec<String> = run.code(0).stdout.lines().map(str::to_owned).collect();
        assert_eq!(jobs.len(), 2, "{api:?}: {run:#?}");
        let first = env.detail(&jobs[0]).json().run();
        let first = first.json();
        assert_eq!(
            first["domains"][0]["domain"], "a.example",
            "{api:?}: {first}"
        );
        assert_eq!(
            first["domains"][0]["records"][0]["sub_domain"], "zeta",
            "{api:?}"
        );
    }
}
