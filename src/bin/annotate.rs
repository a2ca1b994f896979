//! `annotate`: the command line over the annotator core.
//!
//! Reads articles from files or standard input and writes their annotations as JSON
//! (see SCHEMA.md), as JSON Lines in batch mode (`--jsonl`), or as a readable text view.

use std::fs;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use article_annotator::{annotate, render, request, Lang, Options};
use clap::{Parser, ValueEnum};

#[path = "annotate/allocator.rs"]
mod allocator;

/// Annotate news articles: entities, referent clusters and attributed claims.
#[derive(Parser)]
#[command(name = "annotate", version, about)]
struct Cli {
    /// Articles to read (plain UTF-8 text; with --jsonl, JSON Lines files). Standard input when none.
    files: Vec<PathBuf>,
    /// Batch mode: each input line is {"id", "text", "lang"}; one output line per input line.
    #[arg(long)]
    jsonl: bool,
    /// Indented JSON.
    #[arg(long, conflicts_with_all = ["jsonl", "text"])]
    pretty: bool,
    /// A readable view: the article with [name|type] marks, then its claims.
    #[arg(long, conflicts_with = "jsonl")]
    text: bool,
    /// The articles' language, instead of detecting it.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map(Lang::from);
    let result = if cli.jsonl { batch(&cli.files, lang) } else { articles(&cli, lang) };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotate: {e}");
            ExitCode::from(2)
        }
    }
}

/// JSON Lines in, JSON Lines out, in order; a broken line gets an error object and the
/// batch goes on. Returns whether every line succeeded.
fn batch(files: &[PathBuf], lang: Option<Lang>) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    if files.is_empty() {
        all_ok &= run(&mut io::stdin().lock(), &mut out, lang)?;
    }
    for path in files {
        match fs::File::open(path) {
            Ok(f) => all_ok &= run(&mut io::BufReader::new(f), &mut out, lang)?,
            Err(e) => {
                eprintln!("annotate: {}: {e}", path.display());
                all_ok = false;
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

/// Answers every line of `reader`; returns whether all succeeded.
fn run(reader: &mut dyn BufRead, out: &mut dyn Write, lang: Option<Lang>) -> io::Result<bool> {
    let mut all_ok = true;
    let mut line = Vec::new();
    // One buffer for every answer, so that a batch does not allocate one per line.
    let mut buf = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(all_ok);
        }
        let trimmed = trim_line(&line);
        if trimmed.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        buf.clear();
        all_ok &= !request::answer_into(trimmed, lang, &mut buf);
        // One write per line, so a reader never sees half an annotation.
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

/// Whole files (or standard input) as articles. Returns whether every one was read.
fn articles(cli: &Cli, lang: Option<Lang>) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if cli.files.is_empty() {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        inputs.push(("standard input".to_string(), buf));
    }
    for path in &cli.files {
        match fs::read(path) {
            Ok(b) => inputs.push((path.display().to_string(), b)),
            Err(e) => {
                eprintln!("annotate: {}: cannot read: {e}", path.display());
                all_ok = false;
            }
        }
    }
    for (name, bytes) in inputs {
        let text = match String::from_utf8(bytes) {
            Ok(t) if !t.contains('\0') => t,
            _ => {
                eprintln!("annotate: {name}: not a UTF-8 text file (binary?), skipped");
                all_ok = false;
                continue;
            }
        };
        let a = annotate(&text, &Options { lang, id: None });
        let rendered = if cli.text {
            render::text_view(&text, &a)
        } else if cli.pretty {
            serde_json::to_string_pretty(&a).map_err(io::Error::other)? + "\n"
        } else {
            serde_json::to_string(&a).map_err(io::Error::other)? + "\n"
        };
        out.write_all(rendered.as_bytes())?;
    }
    out.flush()?;
    Ok(all_ok)
}
