// offsets.js: the one place code points become UTF-16 units, tested on emoji and friends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointLength, makeOffsets, sliceCodePoints } from '../../www/offsets.js';

test('code points to UTF-16 and back, with emoji, flags, skin tones and combining marks', () => {
  const text = '😀 Emmanuel 🇫🇷 Macron 👍🏽 e\u0301té 𝒜';
  const cps = [...text];
  const o = makeOffsets(text);
  assert.equal(o.length, cps.length);
  assert.equal(codePointLength(text), cps.length);
  for (let cp = 0; cp <= cps.length; cp++) {
    const u = cps.slice(0, cp).join('').length;
    assert.equal(o.toUtf16(cp), u, `toUtf16(${cp})`);
    assert.equal(o.toCodePoint(u), cp, `toCodePoint(${u})`);
  }
  // "Emmanuel" starts at code point 2, UTF-16 unit 3.
  assert.equal(sliceCodePoints(text, 2, 10), 'Emmanuel');
  assert.equal(sliceCodePoints(text, 14, 20), 'Macron');
});

test('no astral characters: the identity, clamped to the text', () => {
  const o = makeOffsets('déjà vu');
  assert.equal(o.toUtf16(3), 3);
  assert.equal(o.toUtf16(99), 7);
  assert.equal(o.toUtf16(-1), 0);
  assert.equal(o.toCodePoint(5), 5);
});

test('a lone surrogate counts as one code point (it reaches the core as U+FFFD)', () => {
  const text = 'a\uD800b😀c';
  assert.equal(codePointLength(text), 5);
  const o = makeOffsets(text);
  assert.equal(o.toUtf16(3), 3);
  assert.equal(o.toUtf16(4), 5);
  assert.equal(sliceCodePoints(text, 4, 5), 'c');
  // A position inside a pair counts as the pair's start.
  assert.equal(o.toCodePoint(4), 3);
});
