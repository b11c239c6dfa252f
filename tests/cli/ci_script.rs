//! `.ci/run` needs no root and no package registry: the benchmark smoke run it ends with
//! skips, saying so, where its tools are missing, and installs nothing.

use std::path::Path;
use std::process::Command;

#[test]
fn the_bench_smoke_run_skips_without_hyperfine_and_installs_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A PATH holding only what the script needs before it looks for its tools: no
    // hyperfine, jq or curl, and no apt-get to install them with.
    let bin = tempfile::tempdir().unwrap();
    let dirname = ["/usr/bin/dirname", "/bin/dirname"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("dirname");
    std::os::unix::fs::symlink(dirname, bin.path().join("dirname")).unwrap();
    let output = Command::new("/bin/bash")
        .arg(root.join("bench/run.sh"))
        .arg("--smoke")
        .env_clear()
        .env("PATH", bin.path())
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("benchmark smoke run skipped") && stderr.contains("hyperfine"),
        "{stderr}"
    );
    assert!(!stderr.contains("apt-get"), "{stderr}");
    assert!(output.stdout.is_empty(), "a skipped run prints no table");
}

#[test]
fn the_ci_script_installs_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for script in [".ci/run", "bench/run.sh"] {
        let text = std::fs::read_to_string(root.join(script)).unwrap();
        let runs = text
            .lines()
            .filter(|line| !line.trim_start().starts_with('#') && !line.contains("echo"))
            .any(|line| line.contains("apt-get") || line.contains("sudo "));
        assert!(!runs, "{script} installs packages");
    }
}
