use super::*;
use crate::history::Entry;
use crate::job::JobSpec;

fn entry(domain: &str) -> Entry {
    let spec = JobSpec::DomainCreate {
        domains: vec![domain.into()],
        value: None,
    };
    let account = crate::history::Account {
        api: "legacy",
        endpoint: "https://dnsapi.cn".into(),
        profile: None,
        credential: Some("520001".into()),
    };
    Entry::new(Some(1), &spec, &account)
}

#[test]
fn a_line_cut_short_does_not_swallow_the_next_entry() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("jobs.jsonl"));
    history.append(&entry("a.cn")).unwrap();
    // A crash (or a full disk) mid-write leaves half a line and no line break.
    let mut file = OpenOptions::new()
        .append(true)
        .open(history.path())
        .unwrap();
    file.write_all(br#"{"job_id":2,"action":"dom"#).unwrap();
    history.append(&entry("c.cn")).unwrap();
    let (entries, skipped) = history.read().unwrap();
    assert_eq!(entries, [entry("a.cn"), entry("c.cn")]);
    assert_eq!(skipped.unreadable, 1);
}

#[test]
fn a_line_longer_than_the_bound_is_skipped_without_being_held() {
    let text = format!("short\n{}\nafter\nlast", "x".repeat(100));
    let mut reader = std::io::BufReader::with_capacity(8, text.as_bytes());
    let mut line = Vec::new();
    let mut read = Vec::new();
    while let Some(whole) = next_line(&mut reader, &mut line, 10).unwrap() {
        read.push((whole, String::from_utf8(line.clone()).unwrap()));
        assert!(line.len() <= 11);
    }
    let expected = [
        (true, "short"),
        (false, ""),
        (true, "after"),
        (true, "last"),
    ];
    let expected: Vec<(bool, String)> = expected.iter().map(|(w, l)| (*w, l.to_string())).collect();
    assert_eq!(read, expected);
}

#[cfg(unix)]
#[test]
fn the_history_is_private_and_never_read_or_written_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("dpbatch").join("jobs.jsonl"));
    history.append(&entry("a.cn")).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(history.path()), 0o600);
    assert_eq!(mode(&dir.path().join("dpbatch")), 0o700);

    let target = dir.path().join("elsewhere");
    fs::write(&target, "kept\n").unwrap();
    let linked = History::at(&dir.path().join("linked.jsonl"));
    std::os::unix::fs::symlink(&target, linked.path()).unwrap();
    let err = format!("{:#}", linked.append(&entry("b.cn")).unwrap_err());
    assert!(err.contains("is a symbolic link"), "{err}");
    let err = format!("{:#}", linked.read().unwrap_err());
    assert!(err.contains("linked.jsonl is a symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "kept\n");
}

#[cfg(unix)]
#[test]
fn a_history_that_is_no_plain_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("jobs.jsonl"));
    fs::create_dir(history.path()).unwrap();
    let err = format!("{:#}", history.read().unwrap_err());
    assert!(
        err.contains("not a plain file") || err.contains("directory"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_history_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobs.jsonl");
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let (told, heard) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = told.send(format!("{:#}", History::at(&path).read().unwrap_err()));
    });
    // Without a writer, a blocking open never returns: the bound keeps a regression a
    // failure rather than a hang.
    let err = heard
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("refused at once, not waited on");
    assert!(err.contains("not a plain file"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_file_renamed_over_the_history_is_not_the_one_held_open() {
    // A prune renames a new file over the history: an append that opened the old one
    // must open it again, or its line goes to a file no longer there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobs.jsonl");
    std::fs::write(&path, "a\n").unwrap();
    let file = File::open(&path).unwrap();
    assert!(same_file(&file, &path).unwrap());
    let fresh = dir.path().join("fresh");
    std::fs::write(&fresh, "b\n").unwrap();
    std::fs::rename(&fresh, &path).unwrap();
    assert!(!same_file(&file, &path).unwrap());
}

#[test]
fn a_prune_that_waited_for_the_lock_prunes_the_file_renamed_in_meanwhile() {
    // Two prunes at once: the second, waiting for the lock on the file the first renames
    // a new one over, must prune the new file, or lines appended in between are lost.
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("jobs.jsonl"));
    let old = Entry {
        submitted_at: 1_000,
        ..entry("old.cn")
    };
    history.append(&old).unwrap();
    let held = File::open(history.path()).unwrap();
    held.lock().unwrap();
    let waiting = std::thread::spawn({
        let path = history.path().to_path_buf();
        move || History::at(&path).prune(2_000, false, false).unwrap()
    });
    // Not a timing check: only gives the prune the time to open the old file and wait.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let fresh = History::at(&dir.path().join("fresh.jsonl"));
    fresh.append(&old).unwrap();
    fresh.append(&entry("new.cn")).unwrap();
    std::fs::rename(fresh.path(), history.path()).unwrap();
    drop(held);
    waiting.join().unwrap();
    let (read, _) = history.read().unwrap();
    let times: Vec<_> = read.iter().map(|e| e.submitted_at > 2_000).collect();
    assert_eq!(times, [true], "the line appended in between is kept");
}

#[test]
fn the_jobs_of_the_hour_are_counted_past_a_line_far_out_of_time_order() {
    // A line planted with a time of 0, or written across a clock step, must not hide the
    // jobs before it; only a long run of old lines ends the count.
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("jobs.jsonl"));
    let recent = entry("a.cn");
    let since = recent.submitted_at - 60;
    let old = Entry {
        submitted_at: 0,
        ..entry("old.cn")
    };
    for _ in 0..OLD_RUN {
        history.append(&old).unwrap();
    }
    history.append(&recent).unwrap();
    history.append(&recent).unwrap();
    history.append(&old).unwrap();
    history.append(&recent).unwrap();
    assert_eq!(history.jobs_since(since).unwrap(), 3);
}
