//! Hostile inputs, through the library and through the built `annotate` command line.
//!
//! Every input must be annotated without a panic and satisfy the invariants of
//! `common::check_invariants`. The inputs are large enough (megabytes, thousands of nested
//! marks) for quadratic behaviour to show as a test that does not finish; how fast they
//! go is measured by `benches/annotate.rs`, not here. In a debug build (`cargo test`
//! without `--release`) the sizes are divided by `SCALE`, so the suite stays usable there.
//!
//! The tests at the end are regression tests for the bugs this suite found (issue 6). Time
//! is measured by benchmarks, never asserted here: the pathological inputs are large enough
//! that a quadratic pass would stall the run instead.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use article_annotator::{annotate, Lang, Options};
use common::check_invariants;
use serde_json::Value;

/// Sizes are divided by this in a debug build.
const SCALE: usize = if cfg!(debug_assertions) { 16 } else { 1 };
const MB: usize = 1 << 20;

/// `unit` repeated until the text reaches `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

/// A deterministic pseudo-random generator (xorshift), so the inputs never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Words picked at random, joined by `sep`, up to `bytes` bytes.
fn words(items: &[&str], sep: &str, bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(rng.pick(items));
    }
    s
}

/// Annotates `text` in every language mode and checks the invariants.
fn survives(name: &str, text: &str) {
    for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
        let t = Instant::now();
        let a = annotate(text, &Options { lang, id: None });
        let took = t.elapsed();
        check_invariants(text, &a);
        // Not a bound (benchmarks measure time); shown with --nocapture to spot slow cases.
        println!("{name} ({lang:?}): {} bytes in {took:?}, {} entities, {} claims", text.len(), a.entities.len(), a.claims.len());
    }
}

/// Like `survives`, but only the first language mode (for the largest inputs).
fn survives_once(name: &str, text: &str) {
    let t = Instant::now();
    let a = annotate(text, &Options::default());
    let took = t.elapsed();
    check_invariants(text, &a);
    println!("{name}: {} bytes in {took:?}, {} entities, {} claims", text.len(), a.entities.len(), a.claims.len());
}

// --- The library ------------------------------------------------------------------------

#[test]
fn empty_text() {
    for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
        let a = annotate("", &Options { lang, id: None });
        check_invariants("", &a);
        assert!(a.entities.is_empty() && a.clusters.is_empty() && a.claims.is_empty());
    }
}

#[test]
fn a_megabyte_of_opening_guillemets() {
    survives_once("«", &fill("«", MB / SCALE));
    survives_once("« ", &fill("« ", MB / SCALE));
    survives_once("«\u{a0}", &fill("«\u{a0}", MB / SCALE));
}

#[test]
fn closing_and_mixed_quotation_marks() {
    // 32 KB of each closer here; `a_megabyte_of_closing_marks` below takes a megabyte (a
    // run of closers used to be quadratic).
    survives_once("»", &fill("»", 32 * 1024 / SCALE));
    survives_once(")", &fill(")", 32 * 1024 / SCALE));
    survives_once("mixed marks", &words(&["«", "»", "“", "”", "\"", "'", "‘", "’", "„", "‹", "›", "a", "Il a dit"], " ", MB / SCALE, 7));
}

#[test]
fn five_thousand_nested_quotes() {
    let n = 5000 / SCALE;
    let nested = format!("{}Le président a déclaré que tout va bien{}", "« ".repeat(n), " »".repeat(n));
    survives("nested «»", &nested);
    let curly = format!("{}Il a dit que tout va bien{}", "“".repeat(n), "”".repeat(n));
    survives("nested “”", &curly);
    let said = format!("{}tout va bien{}", "Il a dit « ".repeat(n), " », a-t-il ajouté.".repeat(n));
    survives("nested said «", &said);
}

#[test]
fn a_five_megabyte_line_without_punctuation() {
    // No speech verb among the words; `a_five_megabyte_line_with_speech_verbs` below has
    // them (a sentence with many cues used to be quadratic).
    let text = words(
        &["le", "président", "a", "parlé", "avec", "des", "gens", "dans", "la", "ville", "Macron", "Paris", "et", "puis", "que", "the", "«", "Emmanuel"],
        " ",
        5 * MB / SCALE,
        1,
    );
    assert!(!text.contains('\n'));
    survives_once("5 MB line", &text);
}

#[test]
fn a_megabyte_of_digits() {
    survives_once("digits", &words(&["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], "", MB / SCALE, 2));
    // Numbers and units, where a quantity's unit once ran over a date (see
    // `entities_do_not_overlap_known_cases`).
    let numbers = words(&["1", "000", "3,5", "12.5", "%", "2022", "10", "millions", "h", "30", "-", "à"], " ", MB / SCALE, 3);
    check_invariants(&numbers, &annotate(&numbers, &Options::default()));
}

#[test]
fn only_capitals() {
    survives_once("capital letters", &words(&["A", "B", "É", "Z", "Q"], "", MB / SCALE, 4));
    survives_once(
        "capital words",
        &words(&["LE", "PRÉSIDENT", "MACRON", "A", "DÉCLARÉ", "QUE", "« OUI »", "PARIS", "ONU", "TOKAYEV", "."], " ", MB / SCALE, 5),
    );
    survives("capital headline", "ÉMEUTES AU KAZAKHSTAN : LE PRÉSIDENT TOKAYEV ACCUSE DES « TERRORISTES »");
}

#[test]
fn only_whitespace_and_nbsp() {
    for unit in [" ", "\u{a0}", "\u{202f}", "\n", "\r\n", "\t", " \u{a0}\t\n\u{202f}\r\n\u{2028}\u{3000}"] {
        let text = fill(unit, MB / SCALE);
        survives_once(&format!("whitespace {unit:?}"), &text);
        let a = annotate(&text, &Options::default());
        assert!(a.entities.is_empty() && a.claims.is_empty(), "{unit:?}: whitespace got annotations");
    }
}

#[test]
fn lone_combining_marks() {
    survives("one mark", "\u{301}");
    survives_once("combining marks", &fill("\u{301}\u{302}\u{308}\u{20dd}", MB / 2 / SCALE));
    survives_once("marks between words", &words(&["\u{301}", "e\u{301}", "Tokaye\u{301}v", "a", "de\u{301}clare\u{301}", "que", "«", "»"], " ", MB / 2 / SCALE, 6));
}

#[test]
fn rtl_cjk_and_emoji_mixes() {
    survives(
        "short mix",
        "Le porte-parole 🙂 a déclaré : « مرحبا بكم في القاهرة » selon l’AFP. שלום. Xi Jinping (习近平) a dit à Pékin (北京) que « 中国 » 👨‍👩‍👧 🇫🇷.",
    );
    let text = words(
        &["Le", "président", "习近平", "a", "déclaré", "«", "»", "مرحبا", "שלום", "🙂", "👨‍👩‍👧", "🇫🇷", "\u{202e}", "\u{2066}", "selon", "Macron", "東京都", "."],
        " ",
        2 * MB / SCALE,
        8,
    );
    survives_once("2 MB mix", &text);
}

#[test]
fn control_characters_and_odd_code_points() {
    let text = "a\u{0}b\u{7}c\u{1b}d\u{7f}\u{85}e\u{2028}f\u{2029}g\u{feff}h\u{fffd}\u{10ffff}\u{e000} Il a dit «\u{0}oui\u{0}».";
    survives("controls", text);
    survives_once("nul bytes", &fill("\u{0}", MB / SCALE));
}

#[test]
fn seeds_repeated_into_one_big_article() {
    let mut text = String::new();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        text.push_str("\n\n");
    }
    let big = text.repeat((2 * MB / SCALE).div_ceil(text.len()));
    let a = annotate(&big, &Options::default());
    check_invariants(&big, &a);
    assert!(a.entities.len() > 100 && !a.claims.is_empty());
}

// --- The command line -----------------------------------------------------------------

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annotate"))
}

/// Runs the command line with `input` on its standard input (written from another thread,
/// so a large input cannot deadlock against a large output).
fn run(mut cmd: Command, input: Vec<u8>) -> Output {
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("annotate starts");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The process may stop reading early on a bug; that is reported by the asserts below.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("annotate runs");
    writer.join().unwrap();
    out
}

/// The output lines, each parsed as JSON.
fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("the output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("output line is not JSON ({e}): {l:.200}")))
        .collect()
}

/// What a line of a batch should give: an annotation with this id, or an error (with this
/// id, `null` when it cannot be read).
#[derive(Debug)]
enum Expect {
    Annotation(Value),
    Error(Value),
}

/// Checks one output line against its request text and what was expected.
fn check_line(got: &Value, expect: &Expect, text: Option<&str>) {
    match expect {
        Expect::Annotation(id) => {
            assert!(got.get("error").is_none(), "expected an annotation for id {id}, got an error: {:.300}", got.to_string());
            assert_eq!(got.get("id").unwrap_or(&Value::Null), id, "id of an annotation");
            let a: article_annotator::Annotation = serde_json::from_value(got.clone()).expect("the line is an annotation");
            if let Some(text) = text {
                check_invariants(text, &a);
            }
        }
        Expect::Error(id) => {
            let obj = got.as_object().unwrap_or_else(|| panic!("not an object: {got}"));
            let msg = obj.get("error").and_then(Value::as_str).unwrap_or_else(|| panic!("expected an error for id {id}, got {:.300}", got.to_string()));
            assert!(!msg.is_empty(), "empty error message");
            assert_eq!(obj.get("id"), Some(id), "id of an error: {got}");
            assert_eq!(obj.len(), 2, "an error line is {{id, error}} only: {got}");
        }
    }
}

#[test]
fn jsonl_answers_every_line_in_order_and_fails_on_bad_ones() {
    let big = 50 * MB / SCALE;
    // A 50 MB request whose text is whitespace and line breaks (quick to annotate), and a
    // 50 MB line that is not JSON (an unterminated string).
    let big_text = fill(" \n\t\u{a0}", big);
    let big_request = serde_json::json!({"id": "big", "text": big_text}).to_string();
    let big_broken = format!("{{\"id\": \"broken\", \"text\": \"{}", "a".repeat(big));
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_77698da07e883b51.txt")).unwrap();
    let emoji_text = "Il a dit 🙂 que « tout va bien », selon Emmanuel Macron.";
    let cases: Vec<(Vec<u8>, Expect, Option<String>)> = vec![
        (serde_json::json!({"id": 1, "text": seed, "lang": "fr"}).to_string().into_bytes(), Expect::Annotation(1.into()), Some(seed.clone())),
        (b"{\"id\": 2, \"text\": ".to_vec(), Expect::Error(Value::Null), None),
        (b"not json at all".to_vec(), Expect::Error(Value::Null), None),
        (b"\"a string\"".to_vec(), Expect::Error(Value::Null), None),
        (b"{\"id\": 3, \"text\": \"caf\xc3\"}".to_vec(), Expect::Error(3.into()), None),
        (b"\xff\xfe\x00{".to_vec(), Expect::Error(Value::Null), None),
        (br#"{"id": 4, "text": "a\ud800b"}"#.to_vec(), Expect::Error(4.into()), None),
        (br#"{"id": 5, "text": "a\udc00b"}"#.to_vec(), Expect::Error(5.into()), None),
        (br#"{"id": 6, "text": "Il a dit \ud83d\ude42 que \u00ab oui \u00bb."}"#.to_vec(), Expect::Annotation(6.into()), Some("Il a dit 🙂 que « oui ».".into())),
        (br#"{"id": 7}"#.to_vec(), Expect::Error(7.into()), None),
        (br#"{"id": 8, "text": null}"#.to_vec(), Expect::Error(8.into()), None),
        (br#"{"id": 9, "text": 42}"#.to_vec(), Expect::Error(9.into()), None),
        (br#"{"id": "ten", "text": "Bonjour.", "lang": "de"}"#.to_vec(), Expect::Error("ten".into()), None),
        (big_request.into_bytes(), Expect::Annotation("big".into()), Some(big_text)),
        (big_broken.into_bytes(), Expect::Error(Value::Null), None),
        (serde_json::json!({"id": {"nested": [1]}, "text": emoji_text, "lang": "en"}).to_string().into_bytes(), Expect::Annotation(serde_json::json!({"nested": [1]})), Some(emoji_text.into())),
        (b"{\"id\": 11, \"text\": \"CRLF line\"}\r".to_vec(), Expect::Annotation(11.into()), Some("CRLF line".into())),
        (br#"{"text": "no id"}"#.to_vec(), Expect::Annotation(Value::Null), Some("no id".into())),
    ];
    // Blank lines (empty, spaces, CR) between the requests: skipped, no output line.
    let mut input = Vec::new();
    for (i, (line, _, _)) in cases.iter().enumerate() {
        input.extend_from_slice(line);
        input.push(b'\n');
        match i % 3 {
            0 => input.push(b'\n'),
            1 => input.extend_from_slice(b"   \t\r\n"),
            _ => {}
        }
    }
    let out = run(
        {
            let mut c = cli();
            c.arg("--jsonl");
            c
        },
        input,
    );
    assert_eq!(out.status.code(), Some(1), "exit status when some lines failed; stderr: {}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), cases.len(), "one output line per non-blank input line");
    for ((_, expect, text), got) in cases.iter().zip(&lines) {
        check_line(got, expect, text.as_deref());
    }
}

#[test]
fn jsonl_exit_status_is_zero_when_every_line_succeeds() {
    let input = b"{\"id\": 1, \"text\": \"Bonjour.\"}\n\n{\"id\": 2, \"text\": \"\"}\n{\"id\": 3, \"text\": \"   \"}".to_vec();
    let out = run(
        {
            let mut c = cli();
            c.arg("--jsonl");
            c
        },
        input,
    );
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.iter().map(|l| l["id"].clone()).collect::<Vec<_>>(), vec![Value::from(1), 2.into(), 3.into()]);
}

#[test]
fn jsonl_on_an_empty_input() {
    for input in [&b""[..], b"\n", b"\n\n  \n\r\n"] {
        let out = run(
            {
                let mut c = cli();
                c.arg("--jsonl");
                c
            },
            input.to_vec(),
        );
        assert!(out.status.success());
        assert!(out.stdout.is_empty(), "{input:?}: output {:?}", String::from_utf8_lossy(&out.stdout));
    }
}

/// A scratch directory of this test binary, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn files_unreadable_and_binary_are_named_and_the_others_annotated() {
    let dir = scratch("files");
    let good1 = dir.join("good1.txt");
    let good2 = dir.join("good2.txt");
    let missing = dir.join("missing.txt");
    let a_dir = dir.join("a directory.txt");
    let binary = dir.join("binary.bin");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&good1, "Le président Emmanuel Macron a déclaré lundi que la situation était grave.").unwrap();
    std::fs::write(&good2, "President Joe Biden said on Monday that the economy was strong.").unwrap();
    std::fs::create_dir_all(&a_dir).unwrap();
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00binary\x00\x00\x01").unwrap();
    std::fs::write(&latin1, b"Le pr\xe9sident a d\xe9clar\xe9.").unwrap();

    let mut cmd = cli();
    cmd.args([&good1, &missing, &a_dir, &binary, &latin1, &good2]);
    let out = run(cmd, Vec::new());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit status; stderr: {stderr}");
    for bad in [&missing, &a_dir, &binary, &latin1] {
        let name = bad.display().to_string();
        assert!(stderr.lines().any(|l| l.contains(&name)), "no message names {name}; stderr: {stderr}");
    }
    assert_eq!(stderr.lines().count(), 4, "one message per bad file: {stderr}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "the two good files are annotated");
    for (got, path) in lines.iter().zip([&good1, &good2]) {
        let text = std::fs::read_to_string(path).unwrap();
        check_line(got, &Expect::Annotation(Value::Null), Some(&text));
    }
    assert_eq!(lines[0]["language"], "fr");
    assert_eq!(lines[1]["language"], "en");
}

#[test]
fn jsonl_files_unreadable_are_named_and_the_others_answered() {
    let dir = scratch("jsonl-files");
    let good = dir.join("good.jsonl");
    let missing = dir.join("missing.jsonl");
    let binary = dir.join("binary.jsonl");
    std::fs::write(&good, "{\"id\": \"g1\", \"text\": \"Bonjour.\"}\n{\"id\": \"g2\", \"text\": \"Hello.\"}\n").unwrap();
    std::fs::write(&binary, b"\x00\x01\x02\xff\n\x89PNG\r\n").unwrap();
    let mut cmd = cli();
    cmd.arg("--jsonl").args([&missing, &good, &binary, &good]);
    let out = run(cmd, Vec::new());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains(&missing.display().to_string()), "the missing file is named: {stderr}");
    let lines = json_lines(&out);
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    // good (2 lines), binary (2 error lines), good again (2 lines).
    assert_eq!(ids, [&Value::from("g1"), &"g2".into(), &Value::Null, &Value::Null, &"g1".into(), &"g2".into()]);
    assert!(lines[2]["error"].is_string() && lines[3]["error"].is_string());
}

#[test]
fn cli_text_and_json_views_survive_hostile_articles() {
    // Whole-article modes (JSON, --pretty, --text) on a hostile article from standard input.
    let text = format!(
        "{}\r\n{}\r\n« {} {}",
        "« ".repeat(2000 / SCALE),
        "ÉMEUTES AU KAZAKHSTAN : LE PRÉSIDENT ACCUSE",
        "مرحبا 习近平 🙂 \u{301}\u{301} Il a déclaré que « tout va bien », selon l’AFP.",
        "1234567890".repeat(1000)
    );
    for mode in [None, Some("--pretty"), Some("--text")] {
        let mut cmd = cli();
        cmd.args(mode);
        let out = run(cmd, text.clone().into_bytes());
        assert!(out.status.success(), "{mode:?}: stderr {}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        if mode != Some("--text") {
            let a: article_annotator::Annotation = serde_json::from_str(&stdout).expect("one annotation");
            check_invariants(&text, &a);
        } else {
            assert!(!stdout.is_empty());
        }
    }
}

#[test]
fn cli_output_to_a_closed_pipe_is_not_an_error() {
    // `annotate --jsonl big | head -1`: the reader goes away; no panic, no error message.
    let line = serde_json::json!({"id": 1, "text": "Il a dit « oui ». ".repeat(50)}).to_string() + "\n";
    let mut child = cli()
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..20_000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(status.success(), "status {status:?}, stderr: {stderr}");
}

// --- Bugs this suite found, fixed since: their minimal reproductions ------------------

/// A speech verb followed by "que" / "that" / ":" as the very last token of the text:
/// `k` used to step past the last token, and `Doc::sentence_of(k)` / `Doc::is_cap(k)` to
/// index out of bounds (src/attribution/content.rs `Ctx::reported`).
#[test]
fn cue_as_the_last_token() {
    for text in ["Il a dit que", "He said that", "He said:", "Il a dit que\n", "Tokayev a assuré que", "Le président a déclaré :"] {
        let result = std::panic::catch_unwind(|| annotate(text, &Options::default()));
        let a = result.unwrap_or_else(|_| panic!("panic on {text:?}"));
        check_invariants(text, &a);
    }
}

/// A quotation claim beside its cue, then "selon X" after it: the "selon" claim takes the
/// whole clause, quotation included. It used to keep the direct claim inside it as well
/// (found while writing this suite, fixed in src/attribution/ since): a regression test.
#[test]
fn no_claim_inside_another_with_selon() {
    for text in ["Il a déclaré « la crise est grave » selon l'ONU.", "Il dit « la crise est grave », selon l'ONU.", "Il dit ‘la crise est grave’, selon l'ONU."] {
        let a = annotate(text, &Options::default());
        check_invariants(text, &a);
    }
}

/// A quantity used to run over tokens names or dates had taken: in English "10 M. Martin"
/// gave the quantity "10 M" (unit "M") over the person "M. Martin", and "3 h 2022" the
/// quantity "3 h 2022" over the date "2022" (src/temporal.rs `quantity_at` checked `taken`
/// for the number only).
#[test]
fn entities_do_not_overlap_known_cases() {
    for (text, lang) in [("10 M. Martin", Lang::En), ("En 2022 M. Martin est venu.", Lang::En), ("3 h 2022", Lang::Fr), ("à 12 h 2022", Lang::Fr)] {
        let a = annotate(text, &Options { lang: Some(lang), id: None });
        check_invariants(text, &a);
    }
}

/// Doubling a sentence of "Il a dit « … » , a-t-il ajouté" reporting cues should double the
/// time; it used to multiply it by 4 or more (src/attribution/content.rs `Ctx::clause_start`
/// walked back to the sentence start for every cue: O(cues × sentence length)).
#[test]
fn many_cues_in_one_sentence_is_linear() {
    let n = 20_000 / SCALE;
    survives_once("many cues in one sentence", &format!("{}tout va bien{}", "Il a dit « ".repeat(n), " », a-t-il ajouté.".repeat(n)));
}

/// The id of a line is readable (`"id": 4`) even when the text holds a lone surrogate
/// escape or an invalid UTF-8 byte; it used to be lost (src/request.rs `parse`).
#[test]
fn error_lines_keep_a_readable_id() {
    for line in [&br#"{"id": 4, "text": "a\ud800b"}"#[..], b"{\"id\": 4, \"text\": \"caf\xc3\"}"] {
        let out = run(
            {
                let mut c = cli();
                c.arg("--jsonl");
                c
            },
            line.to_vec(),
        );
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 1);
        check_line(&lines[0], &Expect::Error(4.into()), None);
    }
}

/// A JSON array used to be taken as a positional request (`[id, text, lang]`: serde's
/// derived `Deserialize` for `Raw` in src/request.rs accepts sequences). The batch format is
/// objects only: both lines are errors.
#[test]
fn arrays_are_not_requests() {
    let out = run(
        {
            let mut c = cli();
            c.arg("--jsonl");
            c
        },
        b"[1, 2, 3]\n[7, \"Bonjour Paris.\", \"fr\"]\n".to_vec(),
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        check_line(line, &Expect::Error(Value::Null), None);
    }
}

/// A run of closing marks (`»`, `”`, `)`, `'`…) used to be quadratic (src/segment.rs
/// walked back over every closer before each token to split sentences: a megabyte took
/// ~6 min).
#[test]
fn a_megabyte_of_closing_marks() {
    survives_once("»", &fill("»", MB / SCALE));
}

/// One 5 MB sentence with speech verbs among its words used to take ~30 s, quadratic in
/// cues × sentence length (src/attribution/content.rs `Ctx::clause_content` scanned from
/// each cue to the end of its sentence; see `many_cues_in_one_sentence_is_linear`).
#[test]
fn a_five_megabyte_line_with_speech_verbs() {
    let vocabulary = ["le", "président", "a", "parlé", "avec", "des", "gens", "dans", "la", "ville", "Macron", "Paris", "et", "puis", "déclaré", "que", "said", "the"];
    survives_once("5 MB line with cues", &words(&vocabulary, " ", 5 * MB / SCALE, 1));
}

/// Distinct capitalised names, `count` of them, each `K` and four letters counting in base
/// 26 (`Kaaaa`, `Kbaaa`, …): no lexicon knows them, so each is a candidate name of its own.
fn coined_names(count: usize) -> Vec<String> {
    (0..count)
        .map(|n| {
            let mut name = String::from("K");
            let mut rest = n;
            for _ in 0..4 {
                name.push(char::from(b'a' + (rest % 26) as u8));
                rest /= 26;
            }
            name
        })
        .collect()
}

/// A list of names joined by "and", each coordinated with the next: `extend` used to
/// recurse once per name of the chain and to walk the rest of it again from every name
/// (src/names.rs), so 60,000 names overflowed the stack and 2,000 took 650M instructions.
#[test]
fn a_long_chain_of_names_joined_by_and() {
    let text = format!("Selon le rapport, {}.", coined_names(60_000 / SCALE).join(" and "));
    survives_once("names joined by and", &text);
}
