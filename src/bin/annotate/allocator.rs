//! The command line's allocator, shared with the benchmarks (`benches/annotate.rs` includes
//! this file) so that their figures are those of `annotate --jsonl`.
//!
//! The analysis allocates many small short-lived strings and vectors: with mimalloc instead of
//! the system allocator the batch mode runs about a tenth faster natively. Only the binary and
//! the benchmarks take it; the library (and so the wasm build) keeps its target's default.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
