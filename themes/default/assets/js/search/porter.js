// The Porter stemmer exactly as Lucene's PorterStemFilter applies it (Porter 1980, "release 3" with its two
// bug fixes), so a word typed in the browser stems to the term the index holds. Works on UTF-16 code units like
// the Java original; the agreement test checks it against Lucene on every word of the test corpora.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Returns the stem of a lower-case word. */
export function stem(word) {
  if (word.length <= 2) return word;
  const b = word.split('');
  let k = b.length - 1; // last index of the current word
  let j = 0; // end of the stem before a matched suffix

  const cons = (i) => {
    const c = b[i];
    if (VOWELS.has(c)) return false;
    if (c === 'y') return i === 0 ? true : !cons(i - 1);
    return true;
  };
  // The number of vowel-consonant sequences in b[0..j].
  const m = () => {
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelInStem = () => {
    for (let i = 0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doubleC = (i) => i >= 1 && b[i] === b[i - 1] && cons(i);
  const cvc = (i) => {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    return !(b[i] === 'w' || b[i] === 'x' || b[i] === 'y');
  };
  const ends = (s) => {
    const o = k - s.length + 1;
    if (o < 0) return false;
    for (let i = 0; i < s.length; i++) if (b[o + i] !== s[i]) return false;
    j = k - s.length;
    return true;
  };
  const setTo = (s) => {
    for (let i = 0; i < s.length; i++) b[j + 1 + i] = s[i];
    k = j + s.length;
  };
  const r = (s) => {
    if (m() > 0) setTo(s);
  };

  // Step 1: plurals, -ed, -ing.
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setTo('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
    k = j;
    if (ends('at')) setTo('ate');
    else if (ends('bl')) setTo('ble');
    else if (ends('iz')) setTo('ize');
    else if (doubleC(k)) {
      const ch = b[k--];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setTo('e');
  }
  // Step 2: terminal y to i when the stem has a vowel.
  if (ends('y') && vowelInStem()) b[k] = 'i';
  // Step 3: double suffixes to single ones.
  if (k !== 0) {
    const rules3 = STEP3[b[k - 1]];
    if (rules3) applyFirst(rules3);
  }
  // Step 4: -ic-, -full, -ness.
  const rules4 = STEP4[b[k]];
  if (rules4) applyFirst(rules4);
  // Step 5: -ant, -ence, ... in context <c>vcvc<v>.
  if (k !== 0 && step5Suffix()) {
    if (m() > 1) k = j;
  }
  // Step 6: a final -e, and -ll to -l.
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
  return b.slice(0, k + 1).join('');

  function applyFirst(rules) {
    for (const [suffix, replacement] of rules) {
      if (ends(suffix)) {
        r(replacement);
        return;
      }
    }
  }

  function step5Suffix() {
    switch (b[k - 1]) {
      case 'a': return ends('al');
      case 'c': return ends('ance') || ends('ence');
      case 'e': return ends('er');
      case 'i': return ends('ic');
      case 'l': return ends('able') || ends('ible');
      case 'n': return ends('ant') || ends('ement') || ends('ment') || ends('ent');
      case 'o':
        if (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) return true;
        return ends('ou');
      case 's': return ends('ism');
      case 't': return ends('ate') || ends('iti');
      case 'u': return ends('ous');
      case 'v': return ends('ive');
      case 'z': return ends('ize');
      default: return false;
    }
  }
}

// Step 3 and 4 rules by the letter before the last (step 3) or the last letter (step 4); the first suffix that
// matches decides, even when its measure condition then fails.
const STEP3 = {
  a: [['ational', 'ate'], ['tional', 'tion']],
  c: [['enci', 'ence'], ['anci', 'ance']],
  e: [['izer', 'ize']],
  l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
  o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
  s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
  t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
  g: [['logi', 'log']],
};
const STEP4 = {
  e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
  i: [['iciti', 'ic']],
  l: [['ical', 'ic'], ['ful', '']],
  s: [['ness', '']],
};
