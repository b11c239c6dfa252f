use super::Output;
use indicatif::TermLike;
use std::io;
use std::sync::{Arc, Mutex};

/// A terminal that records what is drawn on it, in one list with the stderr lines.
#[derive(Debug)]
struct Recorder(Arc<Mutex<Vec<String>>>);

impl Recorder {
    fn push(&self, event: String) -> io::Result<()> {
        self.0.lock().unwrap().push(event);
        Ok(())
    }
}

impl TermLike for Recorder {
    fn width(&self) -> u16 {
        100
    }
    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        self.push(format!("term: up {n}"))
    }
    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.push(format!("term: down {n}"))
    }
    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.push(format!("term: right {n}"))
    }
    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.push(format!("term: left {n}"))
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        self.push(format!("term: draw {s}"))
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        self.push(format!("term: draw {s}"))
    }
    fn clear_line(&self) -> io::Result<()> {
        self.push("term: clear".to_owned())
    }
    fn flush(&self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_hint_is_written_with_the_bar_off_the_terminal_and_the_bar_comes_back() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let output = Output::drawn_on(Box::new(Recorder(Arc::clone(&events))), Arc::clone(&events));
    let mut progress = output.progress("jobs", true);
    progress.set_label("job 7");
    output.hint("submitted job 7; waiting for it");
    let events = events.lock().unwrap().clone();
    let hint = events
        .iter()
        .position(|e| e.starts_with("hint: submitted job 7"));
    let hint = hint.unwrap_or_else(|| panic!("no hint: {events:#?}"));
    let bar = |e: &String| e.starts_with("term: draw") && e.contains("job 7");
    let drawn = events[..hint].iter().rposition(bar);
    let drawn = drawn.unwrap_or_else(|| panic!("no bar before the hint: {events:#?}"));
    assert!(
        events[drawn..hint].iter().any(|e| e == "term: clear"),
        "the bar was on the terminal when the hint was written: {events:#?}"
    );
    assert!(
        events[hint..].iter().any(bar),
        "the bar did not come back: {events:#?}"
    );
    drop(progress);
}
