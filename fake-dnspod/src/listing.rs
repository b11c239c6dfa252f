//! How the look-ups of both APIs list: at most so many entries a page, and what totals
//! they claim beside it.

/// The vendor pages its look-ups by force: none lists more entries than this at once.
pub const PAGE_LIMIT: usize = 3000;

/// What every look-up page is cut to and claims.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Listing {
    /// The most entries one page lists, whatever it asks for.
    pub(crate) page_limit: usize,
    pub(crate) totals: Totals,
}

/// The totals the look-ups claim beside their pages. A real server's may be missing, or
/// larger than what it lists (a list that lost entries): a client must not take a short
/// listing for the whole account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Totals {
    /// The true counts.
    #[default]
    True,
    /// No total at all: only the pages say where the list ends.
    Missing,
    /// This many more than the list holds.
    Overstated(usize),
}

impl Totals {
    /// What is claimed for a list of `n` entries; `None`: the field is left out.
    pub(crate) fn claim(self, n: usize) -> Option<usize> {
        match self {
            Totals::True => Some(n),
            Totals::Missing => None,
            Totals::Overstated(more) => Some(n + more),
        }
    }
}
