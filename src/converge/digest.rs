//! A digest of the records a plan was made from: a saved plan is applied only while the
//! domain still holds exactly these.

use crate::job::Record;
use sha2::{Digest, Sha256};

/// SHA-256, in hex, of the records with their IDs, sorted by ID and each written whole as
/// JSON: stable whatever order the look-ups listed them in, and changed by any field.
pub(crate) fn digest(records: &[(u64, Record)]) -> String {
    let mut sorted: Vec<&(u64, Record)> = records.iter().collect();
    sorted.sort_by_key(|(id, _)| *id);
    let mut hasher = Sha256::new();
    // One buffer for all records, not one a record.
    let mut line = Vec::new();
    for record in sorted {
        line.clear();
        // A tuple of an integer and a struct of strings, numbers and booleans: no error.
        serde_json::to_writer(&mut line, record).expect("a record serialises");
        hasher.update(&line);
        hasher.update(b"\n");
    }
    hex::encode(hasher.finalize())
}
