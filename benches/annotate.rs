//! Throughput of `annotate` (criterion, bytes per second of input text).
//!
//! - `seed`: one seed article (`seeds/*.txt`, the first by name).
//! - `dev-like`: every article of a corpus built deterministically from the seeds (and the
//!   `tests/fixtures/**/*.txt` texts, if any): each seed, each seed's paragraphs reordered,
//!   names and numbers substituted, and English articles made from the same sentences'
//!   structure: the batches below are built from it, never from the licensed dev texts.
//! - `dev`: every article of the evaluation's dev set, with its language, read from
//!   `../shared/eval/dev/gold-{fr,en}.jsonl` (or `$BENCH_DEV_DIR`) when that folder is there
//!   and skipped otherwise: those texts are measurement data under their own licences, read
//!   in place and never copied into the repository.
//! - `batch-10MB`: that corpus repeated (with variations) into ~10 MB of articles,
//!   annotated one after the other, as `annotate --jsonl` does.
//! - `article-2MB`: one ~2 MB article made by concatenating the corpus.
//!
//! `cargo bench --bench annotate`; `cargo bench --bench annotate -- batch` for one group.
//! The sample sizes are small so that the whole run takes a few minutes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use article_annotator::{annotate, Lang, Options};
use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};

// The command line's allocator, so that the figures are those of
// `annotate --jsonl`.
#[path = "../src/bin/annotate/allocator.rs"]
mod allocator;

const MB: usize = 1 << 20;

/// The seed articles, then the fixture texts, sorted by path.
fn source_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = Vec::new();
    collect_txt(&root.join("seeds"), &mut paths);
    let mut fixtures = Vec::new();
    collect_txt(&root.join("tests/fixtures"), &mut fixtures);
    fixtures.sort();
    paths.sort();
    paths.extend(fixtures);
    paths
        .into_iter()
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(&p).ok()?)))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect()
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_txt(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// A deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PEOPLE: &[&str] = &["Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Kassym-Jomart Tokaïev", "Ursula von der Leyen", "Pedro Sánchez", "Joe Biden", "Narendra Modi"];
const PLACES: &[&str] = &["Paris", "Berlin", "Rome", "Almaty", "Bruxelles", "Madrid", "Washington", "New Delhi"];

/// English articles with the structure of news reports (titles, names, dates, quantities,
/// quotations, reported speech), varied by `rng`.
fn english_article(rng: &mut Rng) -> String {
    let p = |rng: &mut Rng| PEOPLE[rng.below(PEOPLE.len())];
    let l = |rng: &mut Rng| PLACES[rng.below(PLACES.len())];
    let mut s = String::new();
    s.push_str(&format!("{} says talks in {} were \u{201c}constructive\u{201d}\n\n", p(rng), l(rng)));
    for _ in 0..(6 + rng.below(6)) {
        let (a, b, c) = (p(rng), l(rng), p(rng));
        let n = 10 + rng.below(990);
        match rng.below(4) {
            0 => s.push_str(&format!("{a} said on Monday that the government would spend ${n} million on the project in {b}, according to officials. ")),
            1 => s.push_str(&format!("\u{201c}We will not back down,\u{201d} {a} told reporters in {b} on January {}, 2022. ", 1 + rng.below(28))),
            2 => s.push_str(&format!("The minister, {c}, added that about {n} people had been evacuated. \"The situation is critical,\" she said. ")),
            _ => s.push_str(&format!("According to {a}, the talks with {c} in {b} lasted {} hours and ended without agreement. ", 2 + rng.below(10))),
        }
        if rng.below(3) == 0 {
            s.push_str("\n\n");
        }
    }
    s
}

/// A seed with its paragraphs reordered and its names and numbers changed.
fn variant(text: &str, rng: &mut Rng) -> String {
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    for i in (1..paragraphs.len()).rev() {
        paragraphs.swap(i, rng.below(i + 1));
    }
    let mut s = paragraphs.join("\n\n");
    for (from, to) in [("Tokayev", PEOPLE[rng.below(PEOPLE.len())]), ("Tokaïev", PEOPLE[rng.below(PEOPLE.len())]), ("Moscou", PLACES[rng.below(PLACES.len())]), ("Kazakhstan", PLACES[rng.below(PLACES.len())])] {
        s = s.replace(from, to);
    }
    // Change digits, keeping their number.
    s.chars().map(|c| if c.is_ascii_digit() { char::from(b'0' + rng.below(10) as u8) } else { c }).collect()
}

/// The dev-like corpus: the sources, 4 variants of each, and as many English articles.
fn dev_like() -> Vec<String> {
    let sources = source_texts();
    assert!(!sources.is_empty(), "no seeds/*.txt");
    let mut rng = Rng(0x5eed_0fa2_7c1e);
    let mut out = Vec::new();
    for (_, t) in &sources {
        out.push(t.clone());
        for _ in 0..4 {
            out.push(variant(t, &mut rng));
        }
    }
    let n = out.len();
    for _ in 0..n {
        out.push(english_article(&mut rng));
    }
    out
}

/// Articles from the corpus and further variants, up to `bytes` in all.
fn batch(corpus: &[String], bytes: usize) -> Vec<String> {
    let mut rng = Rng(0xba7c4);
    let mut out: Vec<String> = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let base = &corpus[i % corpus.len()];
        let article = if i < corpus.len() { base.clone() } else if rng.below(2) == 0 { variant(base, &mut rng) } else { english_article(&mut rng) };
        total += article.len();
        out.push(article);
        i += 1;
    }
    out
}

/// The dev set's articles (text and language), if its folder is there.
fn dev_articles() -> Option<Vec<(String, Option<Lang>)>> {
    let dir = std::env::var_os("BENCH_DEV_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev"));
    let mut out = Vec::new();
    for name in ["gold-fr.jsonl", "gold-en.jsonl"] {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let lang = v["lang"].as_str().and_then(Lang::from_code);
            out.push((v["text"].as_str()?.to_owned(), lang));
        }
    }
    Some(out)
}

fn benches(c: &mut Criterion) {
    let sources = source_texts();
    let corpus = dev_like();

    let mut g = c.benchmark_group("seed");
    let (name, seed) = &sources[0];
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_with_input(BenchmarkId::from_parameter(name), seed, |b, t| b.iter(|| annotate(black_box(t), &Options::default())));
    g.finish();

    let mut g = c.benchmark_group("dev-like");
    let bytes: usize = corpus.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::from_parameter(format!("{}-articles", corpus.len())), |b| {
        b.iter(|| {
            for t in &corpus {
                black_box(annotate(black_box(t), &Options::default()));
            }
        })
    });
    g.finish();

    match dev_articles() {
        Some(dev) => {
            let mut g = c.benchmark_group("dev");
            let bytes: usize = dev.iter().map(|(t, _)| t.len()).sum();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_function(BenchmarkId::from_parameter(format!("{}-articles", dev.len())), |b| {
                b.iter(|| {
                    for (t, lang) in &dev {
                        black_box(annotate(black_box(t), &Options { lang: *lang, id: None }));
                    }
                })
            });
            g.finish();
        }
        None => eprintln!("dev: skipped (no ../shared/eval/dev here, nor $BENCH_DEV_DIR)"),
    }

    let mut g = c.benchmark_group("batch-10MB");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    let articles = batch(&corpus, 10 * MB);
    let bytes: usize = articles.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::from_parameter(format!("{}-articles", articles.len())), |b| {
        b.iter(|| {
            for t in &articles {
                black_box(annotate(black_box(t), &Options::default()));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("article-2MB");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    let mut big = String::new();
    for t in batch(&corpus, 2 * MB) {
        big.push_str(&t);
        big.push_str("\n\n");
    }
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_with_input(BenchmarkId::from_parameter(big.len()), &big, |b, t| b.iter(|| annotate(black_box(t), &Options::default())));
    g.finish();
}

criterion_group! {
    name = annotate_benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    targets = benches
}

/// `BENCH_WRITE_BATCH=PATH cargo bench --bench annotate` writes the 10 MB batch as JSON
/// Lines (`{"id", "text"}`) to PATH instead of benchmarking, for measuring the command
/// line's peak memory: `/usr/bin/time -v target/release/annotate --jsonl < PATH`.
fn main() {
    if let Some(path) = std::env::var_os("BENCH_WRITE_BATCH") {
        let articles = batch(&dev_like(), 10 * MB);
        let mut out = String::new();
        for (i, t) in articles.iter().enumerate() {
            out.push_str(&serde_json::json!({"id": i, "text": t}).to_string());
            out.push('\n');
        }
        std::fs::write(&path, out).expect("write the batch");
        eprintln!("wrote {} articles to {}", articles.len(), Path::new(&path).display());
        return;
    }
    annotate_benches();
    Criterion::default().configure_from_args().final_summary();
}
