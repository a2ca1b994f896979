// An LZMA decoder for the core's bytes, which the build compresses with `xz --format=lzma`
// (a quarter smaller than gzip -9 on the wasm with its lexicons, and base64 of it costs almost
// nothing under the page's own gzip). It follows the reference decoder of the LZMA
// specification (Igor Pavlov's LzmaSpec.cpp, public domain), with the whole output as the
// dictionary. It is written here rather than taken from npm because the packages there either
// set a worker's global `onmessage` and return a string when the bytes look like UTF-8 (lzma),
// or decode another format. The build decodes its own output with it and compares, so the
// bytes shipped are known to decode.

/** The bytes of an `.lzma` stream (13-byte header with the unpacked size, then the data). */
export function lzmaDecode(input) {
  const corrupt = (why) => new Error(`corrupt LZMA data: ${why}`);
  if (input.length < 18) throw corrupt('too short');
  let props = input[0];
  if (props >= 9 * 5 * 5) throw corrupt('bad properties');
  const lc = props % 9;
  props = (props / 9) | 0;
  const lp = props % 5;
  const pb = (props / 5) | 0;
  const lo = (input[5] | (input[6] << 8) | (input[7] << 16) | (input[8] << 24)) >>> 0;
  const hi = (input[9] | (input[10] << 8) | (input[11] << 16) | (input[12] << 24)) >>> 0;
  if (hi !== 0) throw corrupt('no unpacked size (or over 4 GB)');
  const size = lo;
  const out = new Uint8Array(size);
  let outPos = 0;

  // The range decoder. `range` and `code` are unsigned 32-bit: kept in a Uint32Array, since a
  // captured variable holding such a number would be a fresh heap number at each write.
  let pos = 13;
  if (input[pos++] !== 0) throw corrupt('bad range coder start');
  const rc = new Uint32Array(2); // range, code
  rc[0] = 0xffffffff;
  for (let i = 0; i < 4; i++) rc[1] = (rc[1] << 8) | input[pos++];
  if (rc[1] === rc[0]) throw corrupt('bad range coder start');
  const bit = (probs, i) => {
    const p = probs[i];
    let range = rc[0];
    let code = rc[1];
    const bound = (range >>> 11) * p;
    let b;
    if (code < bound) {
      probs[i] = p + ((2048 - p) >>> 5);
      range = bound;
      b = 0;
    } else {
      probs[i] = p - (p >>> 5);
      code -= bound;
      range -= bound;
      b = 1;
    }
    if (range < 0x1000000) {
      range *= 256;
      code = code * 256 + input[pos++];
    }
    rc[0] = range;
    rc[1] = code;
    return b;
  };
  const directBits = (n) => {
    let range = rc[0];
    let code = rc[1];
    let res = 0;
    for (; n > 0; n--) {
      range >>>= 1;
      let b = 0;
      if (code >= range) {
        code -= range;
        b = 1;
      }
      res = res * 2 + b;
      if (range < 0x1000000) {
        range *= 256;
        code = code * 256 + input[pos++];
      }
    }
    rc[0] = range;
    rc[1] = code;
    return res;
  };
  const tree = (probs, base, numBits) => {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + bit(probs, base + m);
    return m - (1 << numBits);
  };
  const reverseTree = (probs, base, numBits) => {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < numBits; i++) {
      const b = bit(probs, base + m);
      m = (m << 1) + b;
      sym |= b << i;
    }
    return sym;
  };
  const probs = (n) => new Uint16Array(n).fill(1024);

  const literals = probs(0x300 << (lc + lp));
  const posSlot = probs(4 << 6);
  const posSpecial = probs(1 + 114);
  const align = probs(16);
  const isMatch = probs(12 << 4);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(12 << 4);
  const lenCoder = () => ({ choice: probs(2), low: probs(16 << 3), mid: probs(16 << 3), high: probs(256) });
  const lenDecoders = [lenCoder(), lenCoder()];
  const length = (c, posState) => {
    if (bit(c.choice, 0) === 0) return tree(c.low, posState << 3, 3);
    if (bit(c.choice, 1) === 0) return 8 + tree(c.mid, posState << 3, 3);
    return 16 + tree(c.high, 0, 8);
  };
  const distance = (len) => {
    const slot = tree(posSlot, (len < 3 ? len : 3) << 6, 6);
    if (slot < 4) return slot;
    const numDirect = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << numDirect) >>> 0;
    if (slot < 14) return dist + reverseTree(posSpecial, dist - slot, numDirect);
    dist += directBits(numDirect - 4) * 16;
    return dist + reverseTree(align, 0, 4);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  while (outPos < size) {
    if (pos > input.length) throw corrupt('truncated');
    const posState = outPos & pbMask;
    if (bit(isMatch, (state << 4) + posState) === 0) {
      const prev = outPos > 0 ? out[outPos - 1] : 0;
      const base = 0x300 * (((outPos & lpMask) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        if (rep0 >= outPos) throw corrupt('distance before the start');
        let matchByte = out[outPos - rep0 - 1];
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
      out[outPos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state) !== 0) {
      if (outPos === 0) throw corrupt('a repeat at the start');
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          out[outPos] = out[outPos - rep0 - 1];
          outPos++;
          continue;
        }
      } else {
        let dist;
        if (bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(lenDecoders[1], posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(lenDecoders[0], posState);
      state = state < 7 ? 7 : 10;
      rep0 = distance(len);
      if (rep0 === 0xffffffff) throw corrupt('end marker before the unpacked size');
      if (rep0 >= outPos) throw corrupt('distance before the start');
    }
    len += 2;
    if (len > size - outPos) throw corrupt('match past the unpacked size');
    for (let i = 0; i < len; i++, outPos++) out[outPos] = out[outPos - rep0 - 1];
  }
  return out;
}
