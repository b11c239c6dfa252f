//! `undo` of an `apply`, on both APIs: records modified put back whole, records created
//! deleted (only with `--yes`), records deleted created again, so the account exports as
//! it did before the apply; a record changed by hand since is left and named; a dry run
//! sends nothing.

use crate::apply::{apply, edited, path, record, rich, row, rows};
use crate::support::{Api, Env, FAST};
use std::path::PathBuf;

/// Records enough for the legacy API's jobs (20 of a change or more): 25 A records of
/// `a.cn` (ID `a`) whose TTL the apply changes, beside [`rich`]'s.
const MANY: u64 = 25;

/// `rich`'s records and [`MANY`] more, and a desired file that modifies every field a
/// modify sets (a value, a TTL and weight, a remark, a paused state, [`MANY`] TTLs),
/// creates records (paused and remarked among them, [`MANY`] plain ones) and deletes the
/// MX. Returns it with `rich`'s IDs.
fn changes(env: &Env) -> (PathBuf, Vec<u64>) {
    let ids = rich(env);
    let a = env
        .server
        .records()
        .iter()
        .find(|r| r.id == ids[0])
        .unwrap()
        .domain_id;
    for n in 1..=MANY {
        env.server
            .add_record(a, &format!("t{n}"), "A", "默认", "192.0.2.7");
    }
    let desired = edited(env, |rows| {
        row(rows, "www", "A")["ttl"] = 60.into();
        row(rows, "www", "A")["weight"] = 70.into();
        row(rows, "api", "A")["remark"] = "".into();
        row(rows, "old", "TXT")["enabled"] = true.into();
        row(rows, "@", "TXT")["value"] = "v=spf1 ~all".into();
        rows.retain(|r| r["record_type"] != "MX");
        for r in rows
            .iter_mut()
            .filter(|r| r["sub_domain"].as_str().unwrap().starts_with('t'))
        {
            r["ttl"] = 120.into();
        }
        let mut new = row(rows, "www", "A").clone();
        new["sub_domain"] = "new".into();
        new["enabled"] = false.into();
        new["remark"] = "新".into();
        rows.push(new);
        for n in 1..=MANY {
            let mut plain = row(rows, "t1", "A").clone();
            plain["sub_domain"] = format!("n{n}").into();
            plain["ttl"] = 600.into();
            rows.push(plain);
        }
    });
    (desired, ids)
}

fn undo(env: &Env, args: &[&str]) -> crate::support::Run {
    let mut argv = vec!["undo", "--last", "--wait"];
    argv.extend(args);
    argv.extend(FAST);
    env.run(&argv)
}

#[test]
fn undo_of_an_apply_gives_back_the_account_as_exported_before_it() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let (desired, _) = changes(&env);
        let before = rows(&env);
        apply(&env, &[path(&desired), "--delete", "--force"]).code(0);
        assert_ne!(rows(&env), before, "{api:?}");
        undo(&env, &["--yes"]).code(0).stderr_has(&format!(
            "putting back {} records the apply changed",
            2 * MANY + 6
        ));
        assert_eq!(rows(&env), before, "{api:?}");
        // Undone, the files are drift again.
        env.run(&["plan", path(&desired), "--exit-code"]).code(6);
    }
}

#[test]
fn a_record_changed_by_hand_since_the_apply_is_left_and_named() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let (desired, ids) = changes(&env);
        let www = ids[1];
        apply(&env, &[path(&desired), "--delete", "--force"]).code(0);
        env.server.change_record(www, |r| r.ttl = 300);
        undo(&env, &["--yes"]).code(0).stderr_has(&format!(
            "skipping record {www} of a.cn (www A 192.0.2.1): changed since the apply (now www A 192.0.2.1 ttl 300), so it is not overwritten"
        ));
        let www = record(&env, www);
        assert_eq!(
            (www.ttl, www.weight),
            (300, Some(70)),
            "{api:?}: not overwritten"
        );
        // The rest went back.
        assert_eq!(record(&env, ids[2]).remark, "主站 api", "{api:?}");
        assert!(!record(&env, ids[0]).enabled, "{api:?}");
    }
}

#[test]
fn without_yes_undo_refuses_only_when_it_would_delete_and_a_dry_run_sends_nothing() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let (desired, _) = changes(&env);
        apply(&env, &[path(&desired), "--delete", "--force"]).code(0);
        let sent = env.server.requests().len();
        let dry = undo(&env, &["--dry-run"]);
        dry.code(0)
            .stdout_has("ttl 60 → 600, weight 70 → 40")
            .stdout_has("remark \"\" → 主站 api")
            .stdout_has("ttl 120 → 600")
            .stdout_has("ttl 60, weight 70, enabled false, remark 新")
            // The deleted MX made again: a create shows what differs from the defaults.
            .stdout_has("mx.a.cn.     mx 5\n");
        let refused = undo(&env, &[]);
        refused.code(2).stderr_has(&format!(
            "deletes the {} records it created (listed); pass --yes",
            MANY + 1
        ));
        // Look-ups and job details only: nothing that changes the account.
        let since = env.server.requests().split_off(sent);
        let changing = ["Batch.Record", "Create", "Modify", "Remove", "Delete"];
        for request in since {
            let action = request.action;
            assert!(
                !changing.iter().any(|c| action.contains(c)),
                "{api:?}: {action}"
            );
        }
        // An apply that created nothing is undone without --yes.
        let other = Env::on(api);
        rich(&other);
        let only_modify = edited(&other, |rows| row(rows, "www", "A")["ttl"] = 60.into());
        apply(&other, &[path(&only_modify)]).code(0);
        undo(&other, &[]).code(0);
        other
            .run(&["plan", path(&only_modify), "--exit-code"])
            .code(6);
    }
}
