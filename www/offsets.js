// Positions: the core counts Unicode code points (SCHEMA.md), JavaScript strings count UTF-16
// units. Only this module converts between the two; everything else calls `makeOffsets` once
// per text and uses the converter it returns.
//
// A lone surrogate counts as one code point, as it reaches the core as one U+FFFD.

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

function isPair(s, i) {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** The number of code points in `s`. */
export function codePointLength(s) {
  if (!HAS_SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (isPair(s, i)) i++;
  return n;
}

// The number of sorted values in `xs` below `x`.
function countBelow(xs, x) {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * The converters of one text: `toUtf16(cp)` and `toCodePoint(u16)`, both clamped to the
 * text, and `length` in code points. Built in one pass; each conversion is a binary search
 * over the astral characters only (none in most texts: then both are the identity).
 */
export function makeOffsets(text) {
  const units = text.length;
  if (!HAS_SURROGATE.test(text)) {
    const clamp = (x) => Math.max(0, Math.min(units, x | 0));
    return { length: units, toUtf16: clamp, toCodePoint: clamp };
  }
  const astralCp = []; // code point index of each surrogate pair
  const astralU16 = []; // UTF-16 index of the low half of each pair
  let cp = 0;
  for (let i = 0; i < units; i++, cp++) {
    if (isPair(text, i)) {
      astralCp.push(cp);
      astralU16.push(i + 1);
      i++;
    }
  }
  const length = cp;
  return {
    length,
    toUtf16(c) {
      c = Math.max(0, Math.min(length, c | 0));
      return c + countBelow(astralCp, c);
    },
    toCodePoint(u) {
      u = Math.max(0, Math.min(units, u | 0));
      // A position inside a pair counts as the pair's start.
      return u - countBelow(astralU16, u + 1);
    },
  };
}

/** `text` between code points `start` and `end` (end exclusive). */
export function sliceCodePoints(text, start, end, offsets = makeOffsets(text)) {
  return text.slice(offsets.toUtf16(start), offsets.toUtf16(end));
}
