//! What a person at the terminal sees: a progress bar while the files are read (on
//! standard error, and only when that is a terminal: a script's log gets none), then the
//! outcomes on standard output, as a count for each outcome and each refused file with its
//! reason, then a summary line. No colour anywhere, so piped output is plain text.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use mdr_domain::consolidate::ImportOutcome;

use crate::consolidate::Consolidation;
use crate::error::shown;

/// How far the import has gone, drawn only on a terminal.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for `total` files: drawn when standard error is a terminal, else hidden.
    pub fn new(total: usize) -> Self {
        let bar = if io::stderr().is_terminal() {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} files read, {eta} left")
            {
                bar.set_style(style.progress_chars("##-"));
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Self { bar }
    }

    /// One more file done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// The import is over: the bar is taken off the screen.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The outcomes of a run, and where its reports are, as lines of plain text.
/// `only` is what `--only` chose, such as "the Parquet tables", or `None` for
/// everything.
pub fn print_results(
    out: &mut impl Write,
    consolidation: &Consolidation,
    folder: &Path,
    only: Option<&str>,
) -> io::Result<()> {
    let summary = consolidation.results.summary();
    let counts = [
        ("Accepted", summary.accepted),
        ("Updated", summary.updated),
        ("Merged", summary.merged),
        ("Unchanged", summary.unchanged),
        ("Older", summary.older),
        ("Refused", summary.refused),
    ];
    writeln!(out, "{:<10} {:>7}", "Outcome", "Files")?;
    for (label, count) in counts {
        writeln!(out, "{label:<10} {count:>7}")?;
    }
    let refused: Vec<_> = consolidation
        .results
        .rows()
        .iter()
        .filter(|row| matches!(row.outcome, ImportOutcome::Refused { .. }))
        .collect();
    if !refused.is_empty() {
        writeln!(out)?;
        writeln!(out, "Refused files:")?;
        for row in refused {
            writeln!(out, "  {}: {}", row.file, row.outcome.explanation())?;
        }
    }
    writeln!(out)?;
    let councils = &consolidation.councils;
    let mut members = match councils.members() {
        1 => "1 member".to_owned(),
        n => format!("{n} members"),
    };
    if councils.several() {
        members.push_str(&format!(" of {} councils", councils.len()));
    }
    let only = only
        .map(|only| format!(": {only} only"))
        .unwrap_or_default();
    writeln!(
        out,
        "{summary} Reports on {members} written to {}{only}.",
        shown(folder)
    )
}
