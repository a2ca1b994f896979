// The annotator core in a Web Worker. The worker's source (the wasm-bindgen glue, offsets.js
// and worker.js, joined at build time into one classic script) starts from a Blob URL, so it needs no file and no
// network, and the wasm bytes (LZMA-compressed: the worker decodes them) are handed to it. After a trap in the core (a Rust panic
// surfaces as a WebAssembly.RuntimeError) the worker is dropped and a fresh one instantiated.

/** An error from the core: `trap` is true when the module crashed and was restarted. */
export class CoreError extends Error {
  constructor(message, trap = false) {
    super(message);
    this.name = 'CoreError';
    this.trap = trap;
  }
}

export class Engine {
  /** `source`: the worker's script source; `wasmBytes`: the core's .wasm as an .lzma stream. */
  constructor(source, wasmBytes) {
    this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.bytes = wasmBytes;
    this.seq = 0;
    this.pending = new Map();
    this.info = null;
    this.restarts = 0;
    this.start();
  }

  start() {
    // A classic worker: a module worker from a blob: URL is refused in a page opened from disk.
    this.worker = new Worker(this.url, { name: 'annotator-core' });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new CoreError(`The annotator could not start: ${event.message || 'worker error'}`));
    };
    this.worker.onmessageerror = () => this.failAll(new CoreError('The annotator sent an unreadable reply.'));
    // The bytes are copied, not transferred: a restart needs them again.
    this.ready = this.request('init', { bytes: this.bytes }).then((info) => (this.info = info));
    this.ready.catch(() => {});
  }

  receive(msg) {
    const job = this.pending.get(msg.seq);
    if (!job) return;
    if ('progress' in msg && !('ok' in msg)) {
      job.onProgress(msg.progress);
      return;
    }
    this.pending.delete(msg.seq);
    if (msg.ok) job.resolve(msg.ms === undefined ? msg.result : { result: msg.result, ms: msg.ms });
    else job.reject(new CoreError(msg.error.message, msg.error.trap));
  }

  failAll(error) {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  request(op, payload = {}, onProgress = () => {}) {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, onProgress });
      this.worker.postMessage({ op, seq, ...payload });
    });
  }

  /** Drops the worker (and whatever it was doing) and starts a fresh one. */
  restart(reason = new CoreError('Cancelled.')) {
    this.worker.terminate();
    this.failAll(reason);
    this.restarts++;
    this.start();
    return this.ready;
  }

  /** `{result, ms}` for `text`; `options`: `{lang, id}`. Restarts the core after a trap. */
  async annotate(text, options = {}, onProgress) {
    await this.ready;
    const opts = {};
    if (options.lang) opts.lang = options.lang;
    if (options.id !== undefined) opts.id = options.id;
    try {
      return await this.request('annotate', { text, options: opts }, onProgress);
    } catch (e) {
      if (e.trap) {
        this.restart(e);
        throw new CoreError(`The annotator crashed on this text (${e.message}); it has been restarted.`, true);
      }
      throw e;
    }
  }

  /** Makes the core trap, as a panic would (used by the tests). */
  async trap() {
    await this.ready;
    try {
      await this.request('trap');
    } catch (e) {
      if (e.trap) this.restart(e);
      throw e;
    }
  }
}

/** The bytes of a base64 string. */
export function decodeBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
