// Query analysis that yields exactly the terms Lucene indexed (the agreement test runs both over whole corpora):
// Lucene's StandardTokenizer automaton (tables generated from Lucene in unicode.js), then CJKWidthFilter,
// LowerCaseFilter, ASCIIFoldingFilter and CJKBigramFilter re-implemented step for step, then the per-token step
// of the locale's analyzer (english: possessive, stop words, Porter; cjk: stop words; standard: nothing).
// No DOM access: the same module runs in the browser and under Node for tests.

import {
  TYPES, CLASS_LETTERS, CLASS_RUNS, ROWMAP, TRANS, ATTRIBUTE, STATE_TYPE, MAX_TOKEN_LENGTH,
  HALF_KANA, VOICED, SEMI_VOICED, FOLD_RANGES,
} from './unicode.js';
import { stem } from './porter.js';

const CJK_TYPES = new Set(['<IDEOGRAPHIC>', '<HIRAGANA>', '<KATAKANA>', '<HANGUL>']);

// Character class per code point, decoded once from the runs: starts[i] is the first code point of run i.
let runStarts;
let runClasses;
function decodeRuns() {
  const starts = [];
  const classes = [];
  let at = 0;
  let i = 0;
  while (i < CLASS_RUNS.length) {
    const cls = CLASS_LETTERS.indexOf(CLASS_RUNS[i++]);
    let j = i;
    while (j < CLASS_RUNS.length && CLASS_LETTERS.indexOf(CLASS_RUNS[j]) < 0) j++;
    starts.push(at);
    classes.push(cls);
    at += parseInt(CLASS_RUNS.slice(i, j), 36);
    i = j;
  }
  runStarts = Int32Array.from(starts);
  runClasses = Uint8Array.from(classes);
}
const asciiClass = new Int8Array(128).fill(-1);

function charClass(cp) {
  if (cp < 128 && asciiClass[cp] >= 0) return asciiClass[cp];
  let lo = 0;
  let hi = runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  if (cp < 128) asciiClass[cp] = runClasses[lo];
  return runClasses[lo];
}

/**
 * Lucene's StandardTokenizer: the words of a text as {text, type, start, end} (UTF-16 offsets into the text).
 * The scanner loop of a JFlex lexer: longest match, then the rule of the last accepting state.
 */
export function tokenize(text) {
  if (!runStarts) decodeRuns();
  const out = [];
  const end = text.length;
  let pos = 0;
  while (pos < end) {
    const start = pos;
    let state = 0;
    let action = (ATTRIBUTE[state] & 1) ? state : -1;
    let marked = start;
    let cur = start;
    for (;;) {
      if (cur >= end) break;
      const cp = text.codePointAt(cur);
      const width = cp > 0xffff ? 2 : 1;
      // The scanner's buffer holds MAX_TOKEN_LENGTH units: a longer word ends there as if the text did.
      if (cur + width - start > MAX_TOKEN_LENGTH) break;
      const next = TRANS[ROWMAP[state] + charClass(cp)];
      if (next === -1) break;
      cur += width;
      state = next;
      if (ATTRIBUTE[state] & 1) {
        action = state;
        marked = cur;
        if (ATTRIBUTE[state] & 8) break;
      }
    }
    if (action < 0 || marked === start) {
      // Not possible with Lucene's grammar (any character matches its last rule); advance to stay total.
      pos = start + (text.codePointAt(start) > 0xffff ? 2 : 1);
      continue;
    }
    pos = marked;
    const type = STATE_TYPE[action];
    if (type >= 0) out.push({ text: text.slice(start, marked), type: TYPES[type], start, end: marked });
  }
  return out;
}

/** CJKWidthFilter: full-width ASCII to ASCII, half-width katakana to full-width (combining voice marks). */
function widthFold(s) {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff9f) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out.push(String.fromCharCode(c - 0xfee0));
    } else if (c >= 0xff65 && c <= 0xff9f) {
      if ((c === 0xff9e || c === 0xff9f) && out.length > 0) {
        const prev = out[out.length - 1].charCodeAt(0);
        if (prev >= 0x30a6 && prev <= 0x30fd && out[out.length - 1].length === 1) {
          const table = c === 0xff9f ? SEMI_VOICED : VOICED;
          const combined = table.charCodeAt(prev - 0x30a6);
          if (combined !== prev) {
            out[out.length - 1] = String.fromCharCode(combined);
            continue;
          }
        }
      }
      out.push(HALF_KANA[c - 0xff65]);
    } else {
      out.push(s[i]);
    }
  }
  return out.join('');
}

/** LowerCaseFilter: Java's simple lower-case mapping, code point by code point. */
function lower(s) {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    // Only U+0130 lower-cases to two code points; Java's per-character mapping keeps the first (i).
    out += l.length > ch.length ? String.fromCodePoint(l.codePointAt(0)) : l;
  }
  return out;
}

let FOLD = null;

/** True when ASCIIFoldingFilter would change something in the text: the fold table is then needed. */
export function needsFold(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    for (const [from, to] of FOLD_RANGES) {
      if (c >= from && c <= to) return true;
    }
  }
  return false;
}

/** Loads the fold table (a separate module, as few queries need it). */
export async function loadFold() {
  if (!FOLD) FOLD = (await import('./fold.js')).FOLD;
}

function fold(s) {
  if (!FOLD) {
    if (needsFold(s)) throw new Error('call loadFold() before analyzing text with accents');
    return s;
  }
  let out = '';
  let changed = false;
  for (const ch of s) {
    const f = ch.length === 1 ? FOLD[ch] : undefined;
    if (f !== undefined) {
      out += f;
      changed = true;
    } else {
      out += ch;
    }
  }
  return changed ? out : s;
}

/**
 * The surfaces of a text (what the index's common chain yields before the per-token step), each with the text
 * range it came from: {surface, start, end, cjk}. CJK runs become overlapping bigrams, a lone CJK character a
 * unigram (CJKBigramFilter).
 */
export function surfaces(text) {
  const tokens = tokenize(text);
  const out = [];
  let run = []; // [{cp, start, end}] of contiguous CJK tokens
  let lastEnd = -1;
  const flush = () => {
    if (run.length === 1) {
      out.push({ surface: String.fromCodePoint(run[0].cp), start: run[0].start, end: run[0].end, cjk: true });
    } else {
      for (let i = 0; i + 1 < run.length; i++) {
        out.push({
          surface: String.fromCodePoint(run[i].cp) + String.fromCodePoint(run[i + 1].cp),
          start: run[i].start, end: run[i + 1].end, cjk: true,
        });
      }
    }
    run = [];
  };
  for (const t of tokens) {
    const s = fold(lower(widthFold(t.text)));
    if (CJK_TYPES.has(t.type)) {
      if (t.start !== lastEnd && run.length) flush();
      // A width change (combined kana) makes Lucene give every character the whole token's offsets.
      const exact = s.length === t.end - t.start;
      let at = t.start;
      for (const ch of s) {
        const w = ch.length;
        run.push({ cp: ch.codePointAt(0), start: exact ? at : t.start, end: exact ? at + w : t.end });
        at += w;
      }
      lastEnd = t.end;
    } else {
      if (run.length) flush();
      out.push({ surface: s, start: t.start, end: t.end, cjk: false });
    }
  }
  if (run.length) flush();
  return out;
}

/**
 * The per-token step of an analyzer, as meta.json describes it: {analyzer: 'english'|'cjk'|'standard', stop: [...]}.
 * Returns term(surface) → the indexed term, or null for a stop word.
 */
export function termStep(meta) {
  const stop = new Set(meta.stop || []);
  const english = meta.analyzer === 'english';
  return (surface) => {
    let s = surface;
    if (english && s.length >= 2) {
      const q = s.charCodeAt(s.length - 2);
      const last = s[s.length - 1];
      if ((q === 0x27 || q === 0x2019 || q === 0xff07) && (last === 's' || last === 'S')) s = s.slice(0, -2);
    }
    if (stop.has(s)) return null;
    return english ? stem(s) : s;
  };
}

/** The terms of a text through the whole chain, in order (what Lucene's analyzer emits). */
export function terms(text, meta) {
  const step = termStep(meta);
  const out = [];
  for (const s of surfaces(text)) {
    const t = step(s.surface);
    if (t !== null) out.push(t);
  }
  return out;
}
