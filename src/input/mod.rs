//! Turns raw arguments into checked values before anything is sent; every error names the
//! bad value and exits 2.

pub(crate) mod domains;
pub(crate) mod records;
pub(crate) mod values;
