//! Benchmark (run by `make bench`): the `mdr consolidate` command on 20,000 members' files of
//! ten councils, about 800 MB, beside the floor measured in the same run: reading every file
//! and parsing it into `serde_json::Value`, nothing else. Each is timed on one thread and on
//! every core, and its peak memory taken, each in a process of its own; then the command
//! again writing only the Parquet tables (`--only parquet`), as a data team would run it.
//! Prints figures only.
//!
//! `cargo build --profile cli -p mdr-cli && cargo run --profile cli -p mdr-cli --example scale_bench`
//! (the command as `make cli` installs it: optimised for speed).
//! `SCALE_FILES=2000` makes and measures fewer files. The files are made once, into
//! `target/bench-files/scale-<N>/`, one folder a council; a marker file in that folder says
//! they are complete, so a second run measures the same files without making them again.
//!
//! Unix only: the peak memory of each run is the child's own, from `wait4`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

#[path = "../../domain/examples/support/members.rs"]
mod members;

use members::{Dice, member};

/// Raised whenever `members::member` or the councils below change what is made, so that
/// files made by an older generator are made again.
const GENERATOR_VERSION: u32 = 1;

/// The marker of a complete folder. Its name starts with a dot, so `mdr consolidate` leaves
/// it out, as it leaves out `.DS_Store`.
const MARKER: &str = ".complete";

/// The councils: name, folder, and how many of every hundred members are theirs (uneven,
/// as councils are).
const COUNCILS: [(&str, &str, u64); 10] = [
    ("Cardiff Council", "cardiff", 22),
    ("Sandwell Metropolitan Borough Council", "sandwell", 18),
    ("Swansea Council", "swansea", 14),
    ("Wyre Council", "wyre", 10),
    ("Gwynedd Council", "gwynedd", 9),
    (
        "Rhondda Cynon Taf County Borough Council",
        "rhondda-cynon-taf",
        8,
    ),
    ("Leeds City Council", "leeds", 7),
    ("Powys County Council", "powys", 5),
    ("Cornwall Council", "cornwall", 4),
    ("Ceredigion County Council", "ceredigion", 3),
];

/// The day the reports are for, as in consolidation_bench.
const TODAY: &str = "2026-11-23";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    // The floor, run by the benchmark as a child of its own so that its peak memory is
    // its own: `scale_bench --floor <dir> <threads>`.
    if let [_, flag, dir, threads] = args.as_slice()
        && flag == "--floor"
    {
        let threads = threads.parse().expect("--floor's thread count is a number");
        floor(Path::new(dir), threads);
        return ExitCode::SUCCESS;
    }
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("scale_bench: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn bench() -> Result<(), String> {
    let count: u64 = match std::env::var("SCALE_FILES") {
        Ok(text) => text
            .parse()
            .map_err(|_| format!("SCALE_FILES should be a number of files, not {text:?}"))?,
        Err(_) => 20_000,
    };
    // This example is target/<profile>/examples/scale_bench; the command is beside it in
    // target/<profile>/, and the files go in target/bench-files/.
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("this program is not in a cargo target folder")?;
    let target_dir = profile_dir
        .parent()
        .ok_or("this program is not in a cargo target folder")?;
    let profile = profile_dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy();
    let mdr = profile_dir.join("mdr");
    if !mdr.is_file() {
        let build = match profile.as_ref() {
            "debug" => "cargo build -p mdr-cli".to_owned(),
            "release" => "cargo build --release -p mdr-cli".to_owned(),
            other => format!("cargo build --profile {other} -p mdr-cli"),
        };
        return Err(format!(
            "no `mdr` command at {}: run `{build}` first",
            mdr.display()
        ));
    }
    let bench_dir = target_dir.join("bench-files");
    let dir = bench_dir.join(format!("scale-{count}"));
    let made_in = generate(&dir, count)?;
    let files = member_files(&dir);
    if files.len() as u64 != count {
        return Err(format!(
            "{} holds {} members' files, not {count}: delete it and run again",
            dir.display(),
            files.len()
        ));
    }
    // Read once before anything is timed, so that every run finds the files in the page
    // cache, the first as much as the last.
    let mut bytes = 0;
    for path in &files {
        bytes += fs::read(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .len();
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("Consolidation at scale ({profile} build, this machine, {cores} cores):");
    println!(
        "  {count} files, {:.1} MB on disk, {} councils",
        bytes as f64 / 1_048_576.0,
        COUNCILS.len()
    );
    if let Some(made_in) = made_in {
        println!("  files made in {:.1} s", made_in.as_secs_f64());
    }

    let floor_run = |threads: usize| {
        let mut command = Command::new(&exe);
        command
            .arg("--floor")
            .arg(&dir)
            .arg(threads.to_string())
            .stdout(Stdio::piped());
        let run = measure(command, "the floor")?;
        if run.stdout.trim() != format!("{count} {bytes}") {
            return Err(format!(
                "the floor read {:?} (files, bytes), not {count} {bytes}",
                run.stdout.trim()
            ));
        }
        Ok::<_, String>(run)
    };
    let floor_one = floor_run(1)?;
    let floor_all = floor_run(cores)?;
    print_runs(
        "floor (read and parse into serde_json::Value)",
        &floor_one,
        &floor_all,
    );

    let out = tempfile::Builder::new()
        .prefix("scale-bench-out-")
        .tempdir_in(&bench_dir)
        .map_err(|e| format!("cannot make a folder for the reports: {e}"))?;
    // `only`: what `--only` asks for, or `None` for everything.
    let mdr_run = |threads: Option<usize>, name: &str, only: Option<&str>| {
        let reports = out.path().join(name);
        // What the command says goes to a file, not a terminal (so no progress bar), to be
        // shown only if it fails.
        let said = out.path().join(format!("{name}.stderr"));
        let stderr =
            fs::File::create(&said).map_err(|e| format!("cannot make {}: {e}", said.display()))?;
        let mut command = Command::new(&mdr);
        command
            .arg("consolidate")
            .arg(&dir)
            .arg("--out")
            .arg(&reports)
            .arg("--today")
            .arg(TODAY)
            .stdout(Stdio::null())
            .stderr(stderr);
        if let Some(only) = only {
            command.arg("--only").arg(only);
        }
        match threads {
            Some(threads) => command.env("RAYON_NUM_THREADS", threads.to_string()),
            None => command.env_remove("RAYON_NUM_THREADS"),
        };
        let run = measure(command, "mdr consolidate").map_err(|problem| {
            let said = fs::read_to_string(&said).unwrap_or_default();
            format!("{problem}\n{}", said.trim_end())
        })?;
        check_reports(&reports, count, only.is_none())?;
        // Each run's reports are made anew, so the next run writes no more than this one.
        fs::remove_dir_all(&reports)
            .map_err(|e| format!("cannot remove {}: {e}", reports.display()))?;
        Ok::<_, String>(run)
    };
    let mdr_one = mdr_run(Some(1), "one-thread", None)?;
    let mdr_all = mdr_run(None, "all-cores", None)?;
    // A data team's run: the Parquet tables (and the outcomes) for their engine, no CSV
    // and no workbook.
    let tables_one = mdr_run(Some(1), "parquet-one-thread", Some("parquet"))?;
    let tables_all = mdr_run(None, "parquet-all-cores", Some("parquet"))?;
    out.close()
        .map_err(|e| format!("cannot remove the reports' folder: {e}"))?;
    let against_floor = |what: &str, run: &Run| {
        println!(
            "  {what} on all cores: {:.2}x the all-core floor, {:.2}x the one-thread floor",
            run.wall.as_secs_f64() / floor_all.wall.as_secs_f64(),
            run.wall.as_secs_f64() / floor_one.wall.as_secs_f64(),
        );
    };
    print_runs(
        "mdr consolidate (every CSV, the workbook, Parquet)",
        &mdr_one,
        &mdr_all,
    );
    print_runs("mdr consolidate --only parquet", &tables_one, &tables_all);
    against_floor("mdr consolidate", &mdr_all);
    against_floor("mdr consolidate --only parquet", &tables_all);
    Ok(())
}

/// One line of figures: a thing's time on one thread and on every core, and its peak
/// memory in each.
fn print_runs(what: &str, one: &Run, all: &Run) {
    println!(
        "  {what}: 1 thread {:.2} s, all cores {:.2} s (speed-up {:.2}x); peak {:.0} MB on 1 thread, {:.0} MB on all cores",
        one.wall.as_secs_f64(),
        all.wall.as_secs_f64(),
        one.wall.as_secs_f64() / all.wall.as_secs_f64(),
        one.peak_kb as f64 / 1024.0,
        all.peak_kb as f64 / 1024.0,
    );
}

/// Makes `count` members' files in `dir`, unless a marker says they are there already;
/// how long it took when it made them.
fn generate(dir: &Path, count: u64) -> Result<Option<Duration>, String> {
    let marker = dir.join(MARKER);
    let complete = format!("generator {GENERATOR_VERSION}, {count} files\n");
    if fs::read_to_string(&marker).is_ok_and(|text| text == complete) {
        return Ok(None);
    }
    let started = Instant::now();
    // A folder without the marker was left half made, or made by another generator.
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    for (_, folder, _) in COUNCILS {
        let folder = dir.join(folder);
        fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
    }
    (0..count).into_par_iter().try_for_each(|n| {
        let (council, folder) = council_of(n);
        // Dice of each file's own, so the files do not depend on which thread made them.
        let mut dice = Dice(n.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5ca1_ab1e);
        let path = dir.join(folder).join(format!("member-record-{n:05}.json"));
        fs::write(&path, member(n, council, &mut dice))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    })?;
    fs::write(&marker, complete).map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
    Ok(Some(started.elapsed()))
}

/// Member `n`'s council and its folder: the councils' shares, taken in turn from each
/// hundred members.
fn council_of(n: u64) -> (&'static str, &'static str) {
    let mut place = n % 100;
    for (council, folder, share) in COUNCILS {
        if place < share {
            return (council, folder);
        }
        place -= share;
    }
    unreachable!("the councils' shares add up to 100")
}

/// The members' files in `dir`'s council folders, in name order: the `.json` files, as
/// `mdr consolidate` finds them.
fn member_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (_, folder, _) in COUNCILS {
        let Ok(entries) = fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.ends_with(".json") && !name.starts_with('.') {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The floor: finds the files, reads each and parses it into a `serde_json::Value`, then
/// drops it, on `threads` threads (one: a plain loop). Prints how many files and bytes.
fn floor(dir: &Path, threads: usize) {
    let files = member_files(dir);
    let parse = |path: &PathBuf| {
        let bytes = fs::read(path).expect("a member's file can be read");
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).expect("a member's file is JSON");
        std::hint::black_box(value);
        bytes.len()
    };
    let bytes: usize = if threads == 1 {
        files.iter().map(parse).sum()
    } else {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("the floor's threads can be started")
            .install(|| files.par_iter().map(parse).sum())
    };
    println!("{} {bytes}", files.len());
}

/// A child's run: its wall time, its peak resident memory, and what it printed (when its
/// output was piped).
struct Run {
    wall: Duration,
    peak_kb: u64,
    stdout: String,
}

/// Runs `command` to its end, timing it and taking its peak memory from `wait4`.
fn measure(mut command: Command, what: &str) -> Result<Run, String> {
    command.stdin(Stdio::null());
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    let mut stdout = String::new();
    if let Some(mut pipe) = child.stdout.take() {
        pipe.read_to_string(&mut stdout)
            .map_err(|e| format!("cannot read what {what} printed: {e}"))?;
    }
    let pid = libc::pid_t::try_from(child.id()).expect("a process id fits a pid_t");
    let mut status = 0;
    // SAFETY: rusage is plain integers, for which all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `status` and `usage` are valid for writes for the length of the call, and
        // `pid` is our own child, not yet waited for (std waits only when asked to).
        let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("cannot wait for {what}: {error}"));
        }
    }
    let wall = started.elapsed();
    if !libc::WIFEXITED(status) {
        return Err(format!(
            "{what} was stopped by signal {}",
            libc::WTERMSIG(status)
        ));
    }
    if libc::WEXITSTATUS(status) != 0 {
        return Err(format!(
            "{what} failed with exit code {}",
            libc::WEXITSTATUS(status)
        ));
    }
    // Kilobytes on Linux, bytes on macOS.
    let maxrss = u64::try_from(usage.ru_maxrss).unwrap_or(0);
    let peak_kb = if cfg!(target_os = "macos") {
        maxrss / 1024
    } else {
        maxrss
    };
    Ok(Run {
        wall,
        peak_kb,
        stdout,
    })
}

/// Checks that `mdr consolidate` wrote the outcomes and the workbook (or, without it, the
/// activities' Parquet table) into `out`, with an outcome for every one of the `count`
/// files.
fn check_reports(out: &Path, count: u64, workbook: bool) -> Result<(), String> {
    let written = if workbook {
        out.join("member-development-reports.xlsx")
    } else {
        out.join("activities.parquet")
    };
    if !written.is_file() {
        return Err(format!("mdr consolidate wrote no {}", written.display()));
    }
    let outcomes = out.join("outcomes.csv");
    let rows = csv::Reader::from_path(&outcomes)
        .map_err(|e| {
            format!(
                "mdr consolidate wrote no readable {}: {e}",
                outcomes.display()
            )
        })?
        .records()
        .count();
    if rows as u64 != count {
        return Err(format!(
            "{} has {rows} files' outcomes, not {count}",
            outcomes.display()
        ));
    }
    Ok(())
}
