// The page's figures, one JSON line each (medians of a few runs), measured with
// performance.now() in the single file opened from disk in headless Chromium:
//   start-up: compile + instantiate + warm('fr') (the lexicons' tables), the LZMA decode before it,
//     each phase and the total, and the English tables built just after, in the worker (ms)
//   each seed: annotate + render, from the request to the drawn card (ms)
//   throughput: annotate inside wasm on a 5 MB text (MB/s, UTF-16 units / 2^20 per second)
//   size: gzip of www/dist/annotator.html (bytes)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, openPage, SINGLE, SINGLE_URL, seedText } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const emit = (figure, value, unit, extra = {}) => console.log(JSON.stringify({ figure, value: Number(value.toFixed(2)), unit, ...extra }));

const chromium = await launch();
try {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  // Start-up: a fresh worker each run, timed by the worker's own clock phase by phase. The
  // issue's figure is compile + instantiate + the lexicons' tables; decoding the LZMA-compressed
  // bytes is a step of this page's own (the price of its size), reported beside it and in the total.
  // The English tables are built just after the worker says it is ready (see www/worker.js):
  // timed on their own, as the wait of an English article sent at once.
  const phases = { decode: [], compile_instantiate: [], lexicons: [], startup: [], total: [], other: [] };
  for (let i = 0; i < RUNS; i++) {
    const info = await page.evaluate(async () => {
      const e = window.annotatorPage.engine;
      await e.restart();
      const info = { ...e.info };
      for (;;) {
        const { otherLanguagesMs } = await e.request('timings');
        if (otherLanguagesMs !== null) return { ...info, otherLanguagesMs };
        await new Promise((wake) => setTimeout(wake, 10));
      }
    });
    phases.other.push(info.otherLanguagesMs);
    phases.decode.push(info.decompressMs || 0);
    phases.compile_instantiate.push(info.compileMs + info.instantiateMs);
    phases.lexicons.push(info.warmMs);
    phases.startup.push(info.compileMs + info.instantiateMs + info.warmMs);
    phases.total.push((info.decompressMs || 0) + info.compileMs + info.instantiateMs + info.warmMs);
  }
  emit('startup_compile_instantiate_lexicons_ms', median(phases.startup), 'ms', { runs: RUNS });
  emit('startup_decode_ms', median(phases.decode), 'ms', { runs: RUNS });
  emit('startup_compile_instantiate_ms', median(phases.compile_instantiate), 'ms', { runs: RUNS });
  emit('startup_lexicons_ms', median(phases.lexicons), 'ms', { runs: RUNS });
  emit('startup_english_lexicons_after_ms', median(phases.other), 'ms', { runs: RUNS });
  emit('startup_total_ms', median(phases.total), 'ms', { runs: RUNS });

  for (const [i, name] of ['000_34e6ec2c4447f1c3', '003_77698da07e883b51'].entries()) {
    const text = seedText(i);
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const timing = await page.evaluate((t) => window.annotatorPage.annotate(t, { id: 'bench' }), text);
      times.push(timing.totalMs);
      await page.evaluate(() => window.annotatorPage.clear());
    }
    emit(`seed_annotate_render_ms`, median(times), 'ms', { seed: name, chars: text.length, runs: RUNS });
  }

  // Throughput inside wasm: the worker's own clock around annotate (chunked as the page does).
  const seeds = seedText(0) + '\n\n' + seedText(1) + '\n\n';
  const size = 5 * 1024 * 1024;
  const runs = Math.max(1, Math.min(RUNS, Number(process.env.BENCH_BIG_RUNS || 3)));
  const rates = [];
  for (let r = 0; r < runs; r++) {
    const ms = await page.evaluate(
      async ([s, size]) => {
        const text = s.repeat(Math.ceil(size / s.length)).slice(0, size);
        const { ms } = await window.annotatorPage.engine.annotate(text, { lang: 'fr' });
        return ms;
      },
      [seeds, size],
    );
    rates.push(size / 1048576 / (ms / 1000));
  }
  emit('annotate_throughput_5mb', median(rates), 'MB/s', { chars: size, runs });
  await page.close();
} finally {
  await chromium.close();
}
emit('single_file_gzip_bytes', gzipSync(readFileSync(SINGLE), { level: 9 }).length, 'bytes', { raw: readFileSync(SINGLE).length });
