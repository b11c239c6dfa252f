//! The history read from its end, a line at a time, newest first: `jobs`, `--last` and a
//! submit's count of the hour's jobs need only its newest lines, so what they cost does not
//! grow with the history's age.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

/// How much is read at a time; more while a long line is gathered, so it is copied only a
/// few times.
const CHUNK: usize = 64 << 10;

/// A line read back: whole, or longer than the limit (dropped as it was read).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line {
    Whole(Vec<u8>),
    TooLong,
}

/// A reader of a file's lines, last first.
pub(super) struct Tail<R> {
    file: R,
    /// Where the bytes not read yet end.
    pos: u64,
    /// Bytes read and not yet returned: the end of a line whose start is not read yet.
    pending: Vec<u8>,
    max: usize,
    /// Whether the line being gathered grew past `max` (its bytes are dropped).
    too_long: bool,
    done: bool,
}

impl Tail<File> {
    pub(super) fn new(file: File, max: usize) -> io::Result<Tail<File>> {
        Tail::of(file, max)
    }
}

impl<R: Read + Seek> Tail<R> {
    fn of(mut file: R, max: usize) -> io::Result<Tail<R>> {
        let pos = file.seek(SeekFrom::End(0))?;
        Ok(Tail {
            file,
            pos,
            pending: Vec::new(),
            max,
            too_long: false,
            done: false,
        })
    }

    /// The line before those returned, without its `\n`; `None` before the first.
    pub(super) fn prev(&mut self) -> io::Result<Option<Line>> {
        loop {
            if let Some(at) = memchr::memrchr(b'\n', &self.pending) {
                let line = self.pending.split_off(at + 1);
                self.pending.truncate(at);
                return Ok(Some(self.line(line)));
            }
            if self.pos == 0 {
                if self.done {
                    return Ok(None);
                }
                self.done = true;
                let line = std::mem::take(&mut self.pending);
                return Ok(Some(self.line(line)));
            }
            self.read_before()?;
        }
    }

    /// `line`, or too long as reading forward would find it (a line of up to `max`).
    fn line(&mut self, line: Vec<u8>) -> Line {
        match std::mem::take(&mut self.too_long) || line.len() > self.max {
            true => Line::TooLong,
            false => Line::Whole(line),
        }
    }

    /// Puts the bytes before those read in front of `pending`; a line past `max` is
    /// dropped rather than held.
    fn read_before(&mut self) -> io::Result<()> {
        if self.pending.len() > self.max {
            self.too_long = true;
            self.pending.clear();
        }
        // Never more than `max` + 1 bytes held: enough to tell a line is too long.
        let want = CHUNK
            .max(self.pending.len())
            .min(self.max.saturating_add(1) - self.pending.len());
        let size = usize::try_from(self.pos).map_or(want, |pos| pos.min(want));
        self.pos -= size as u64;
        self.file.seek(SeekFrom::Start(self.pos))?;
        let mut chunk = vec![0; size + self.pending.len()];
        self.file.read_exact(&mut chunk[..size])?;
        chunk[size..].copy_from_slice(&self.pending);
        self.pending = chunk;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(text: &[u8], max: usize) -> Vec<Line> {
        let mut tail = Tail::of(Cursor::new(text.to_vec()), max).unwrap();
        std::iter::from_fn(|| tail.prev().unwrap()).collect()
    }

    fn whole(text: &str) -> Line {
        Line::Whole(text.as_bytes().to_vec())
    }

    #[test]
    fn lines_come_back_newest_first_with_a_cut_short_last_line() {
        assert_eq!(
            lines(b"a\nbb\nccc", 10),
            [whole("ccc"), whole("bb"), whole("a")]
        );
        assert_eq!(lines(b"a\n", 10), [whole(""), whole("a")]);
        assert_eq!(lines(b"", 10), [whole("")]);
    }

    #[test]
    fn lines_across_many_chunks_read_whole_and_too_long_ones_are_dropped() {
        let long = "x".repeat(3 * CHUNK + 7);
        let text = format!("first\n{long}\nlast\n");
        let read = lines(text.as_bytes(), 4 * CHUNK);
        assert_eq!(
            read,
            [whole(""), whole("last"), whole(&long), whole("first")]
        );
        let read = lines(text.as_bytes(), CHUNK);
        assert_eq!(
            read,
            [whole(""), whole("last"), Line::TooLong, whole("first")]
        );
        let read = lines(long.as_bytes(), CHUNK);
        assert_eq!(read, [Line::TooLong], "the only line, too long");
    }

    #[test]
    fn a_line_a_little_past_the_limit_is_too_long_as_reading_forward_says() {
        let text = format!("first\n{}\nlast\n", "x".repeat(CHUNK + 10));
        let read = lines(text.as_bytes(), CHUNK);
        assert_eq!(read[2], Line::TooLong);
        assert_eq!(read[3], whole("first"));
    }
}
