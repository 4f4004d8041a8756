// Is this email address, website, phone number or social handle really ours? Pure: no DOM, no network.
//
// check(input, official) → { verdict: 'official' | 'lookalike' | 'unknown', kind, reasons: [{ code, params }] }
//
// "official" only for an exact match with the published list (or a subdomain of an official domain). Anything
// that imitates it is a "lookalike": another TLD, the official domain used as a subdomain of someone else's
// (tidewell.example.help-desk.io), swapped characters (0/o, 1/l, rn/m, vv/w), letters from other alphabets
// (Cyrillic а, е, о), punycode (xn--), a display name that is not the address, a handle with added words, a phone
// number one digit off. Everything else is "unknown", never "safe".

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta, points, first) {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + 38));
}

function digitOf(cp) {
  if (cp >= 48 && cp <= 57) return cp - 22;
  if (cp >= 65 && cp <= 90) return cp - 65;
  if (cp >= 97 && cp <= 122) return cp - 97;
  return BASE;
}

/** Decodes one punycode label body (RFC 3492, without the xn-- prefix); null when it is not valid punycode. */
export function punycodeDecode(input) {
  const output = [];
  const basic = Math.max(0, input.lastIndexOf('-'));
  for (let j = 0; j < basic; j++) {
    const cp = input.charCodeAt(j);
    if (cp >= 0x80) return null;
    output.push(cp);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldi, length, oldi === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// Letters of other alphabets that look like Latin ones (a practical subset of Unicode's confusables list).
const CONFUSABLES = {
  а: 'a', в: 'b', е: 'e', ё: 'e', і: 'i', ї: 'i', ј: 'j', о: 'o', р: 'p', с: 'c', ѕ: 's', у: 'y', х: 'x', һ: 'h',
  ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ɩ: 'i', к: 'k', м: 'm', н: 'h', т: 't', ү: 'y', ԍ: 'g',
  А: 'a', В: 'b', Е: 'e', І: 'i', Ј: 'j', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Ѕ: 's', Т: 't', Х: 'x', Ү: 'y',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  ı: 'i', ɑ: 'a', ɡ: 'g', ℓ: 'l', օ: 'o', ս: 'u', ց: 'g', ᴠ: 'v', ʏ: 'y',
};
// Characters people swap in for Latin letters. i and l map to the same letter, as they do to the eye.
const SWAPS = { 0: 'o', 1: 'l', i: 'l', l: 'l', '|': 'l', '!': 'l', 5: 's', $: 's', 3: 'e' };
const PAIRS = { rn: 'm', vv: 'w', cl: 'd' };
const SEPARATORS = new Set(['-', '_', '.']);

const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net', 'mail.ru', 'yandex.ru',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'sina.com', 'yeah.net']);

const SOCIAL_HOSTS = {
  't.me': 'telegram', 'telegram.me': 'telegram', 'telegram.org': 'telegram', 'x.com': 'x', 'twitter.com': 'x',
  'youtube.com': 'youtube', 'instagram.com': 'instagram', 'facebook.com': 'facebook', 'fb.com': 'facebook',
  'tiktok.com': 'tiktok', 'discord.gg': 'discord', 'discord.com': 'discord', 'linkedin.com': 'linkedin',
  'reddit.com': 'reddit', 'weibo.com': 'weibo', 'wa.me': 'whatsapp', 'medium.com': 'medium',
};
const PLATFORM_ALIASES = { twitter: 'x', tg: 'telegram', ig: 'instagram', fb: 'facebook', weixin: 'wechat', yt: 'youtube' };

const platformKey = (p) => {
  const key = String(p || '').trim().toLowerCase();
  return PLATFORM_ALIASES[key] ?? key;
};

/** NFKC (full-width forms to ASCII), ideographic full stops to dots, lower case. */
export function normalize(text) {
  return String(text).normalize('NFKC').replace(/[\u3002\uff0e\uff61]/g, '.').trim();
}

function tokens(text) {
  const out = [];
  const chars = [...normalize(text)];
  for (let i = 0; i < chars.length; i++) {
    const two = (chars[i] + (chars[i + 1] ?? '')).toLowerCase();
    if (PAIRS[two]) {
      out.push({ raw: two, skel: PAIRS[two], foreign: false });
      i++;
      continue;
    }
    const c = chars[i];
    if (CONFUSABLES[c]) {
      out.push({ raw: c, skel: SWAPS[CONFUSABLES[c]] ?? CONFUSABLES[c], foreign: true });
    } else if (SEPARATORS.has(c)) {
      out.push({ raw: c, skel: '', separator: true });
    } else {
      const lower = c.toLowerCase();
      out.push({ raw: lower, skel: SWAPS[lower] ?? lower, foreign: lower.charCodeAt(0) > 0x7f });
    }
  }
  return out;
}

/** What a name looks like to the eye: look-alikes folded together, separators dropped. */
export function skeleton(text) {
  return tokens(text).map((t) => t.skel).join('');
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Compares a name (a domain label or a handle) with an official one. Returns a reason for a look-alike, or null
 * when they are unrelated or identical.
 */
function compareName(name, official, shown) {
  const a = normalize(name).toLowerCase();
  const b = normalize(official).toLowerCase();
  if (!a || !b || a === b) return null;
  const ta = tokens(a).filter((t) => !t.separator);
  const tb = tokens(b).filter((t) => !t.separator);
  const sa = ta.map((t) => t.skel).join('');
  const sb = tb.map((t) => t.skel).join('');
  if (sa === sb) {
    const swaps = [];
    let foreign = false;
    if (ta.length === tb.length) {
      ta.forEach((t, i) => {
        if (t.raw !== tb[i].raw) {
          swaps.push(`${t.raw} → ${tb[i].raw}`);
          foreign ||= t.foreign;
        }
      });
    }
    if (!swaps.length) {
      const extra = [...new Set([...a].filter((c) => SEPARATORS.has(c) && !b.includes(c)))];
      swaps.push(extra.length ? extra.join(' ') : a);
    }
    return { code: foreign ? 'confusable' : 'swap', params: [shown, [...new Set(swaps)].join(', ')] };
  }
  if (sb.length >= 4 && sa.includes(sb)) return { code: 'addedWords', params: [shown] };
  const limit = sb.length >= 8 ? 2 : 1;
  if (sb.length >= 5 && distance(sa, sb) <= limit) return { code: 'typo', params: [shown] };
  return null;
}

/** The registered part of a host: example.com, or example.co.uk for two-level public suffixes. */
export function registrable(labels) {
  if (labels.length >= 3 && /^(co|com|net|org|gov|edu|ac|or|ne|go)$/.test(labels[labels.length - 2]) && labels[labels.length - 1].length === 2) {
    return labels.slice(-3);
  }
  return labels.slice(-2);
}

function decodeHost(raw) {
  const reasons = [];
  const labels = normalize(raw).toLowerCase().replace(/\.+$/, '').split('.').map((label) => {
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded !== null) {
        reasons.push({ code: 'punycode', params: ['', label, decoded] });
        return decoded.toLowerCase();
      }
    }
    return label;
  });
  return { host: labels.join('.'), labels, reasons };
}

function officialDomains(official) {
  return (official.domains ?? []).map((d) => decodeHost(d).host);
}

function brandNames(official) {
  const names = new Set((official.names ?? []).map((n) => normalize(n).toLowerCase()));
  for (const d of officialDomains(official)) names.add(registrable(d.split('.'))[0]);
  return [...names].filter(Boolean);
}

function checkHost(rawHost, official, { emailDomains = null } = {}) {
  const { host, labels, reasons } = decodeHost(rawHost);
  const domains = emailDomains ?? officialDomains(official);
  for (const d of domains) {
    if (host === d) return { verdict: 'official', host, reasons: [{ code: 'exact', params: [d] }] };
    if (host.endsWith(`.${d}`)) return { verdict: 'official', host, reasons: [{ code: 'subdomain', params: [d] }] };
  }
  const found = [...reasons];
  const reg = registrable(labels);
  const regText = reg.join('.');
  const name = reg[0] ?? '';
  const shown = domains[0] ?? '';
  for (const d of domains) {
    if (host.startsWith(`${d}.`) || host.includes(`.${d}.`)) found.push({ code: 'extraSubdomain', params: [d, regText] });
  }
  const brands = brandNames(official);
  for (const brand of brands) {
    const officialDomain = domains.find((d) => registrable(d.split('.'))[0] === brand) ?? shown;
    if (name === brand && !found.some((r) => r.code === 'extraSubdomain')) {
      found.push({ code: 'otherTld', params: [officialDomain, brand] });
      continue;
    }
    const reason = compareName(name, brand, officialDomain);
    if (reason) found.push(reason);
    // Our name as a subdomain of someone else's domain: tidewell.secure-login.com.
    for (const label of labels.slice(0, labels.length - reg.length)) {
      if (skeleton(label).includes(skeleton(brand)) && !found.some((r) => r.code === 'extraSubdomain')) {
        found.push({ code: 'extraSubdomain', params: [officialDomain, regText] });
      }
    }
  }
  if (/[^\x00-\x7f]/.test(host) && !found.some((r) => r.code === 'confusable')) {
    const foreign = [...host].filter((c) => CONFUSABLES[c]);
    if (foreign.length) found.push({ code: 'confusable', params: [shown, [...new Set(foreign)].map((c) => `${c} → ${CONFUSABLES[c]}`).join(', ')] });
  }
  const lookalike = found.some((r) => r.code !== 'punycode');
  for (const r of found) if (r.code === 'punycode') r.params[0] = shown;
  return { verdict: lookalike ? 'lookalike' : 'unknown', host, reasons: found };
}

function emailDomainsOf(official) {
  return (official.emails ?? []).filter((e) => e.startsWith('@')).map((e) => decodeHost(e.slice(1)).host);
}

function checkEmail(text, official) {
  let address = text.replace(/^mailto:/i, '').trim();
  let display = '';
  const angle = address.match(/^(.*)<([^<>]+)>\s*$/);
  if (angle) {
    display = angle[1].trim().replace(/^["']|["']$/g, '').trim();
    address = angle[2].trim();
  }
  const at = address.lastIndexOf('@');
  const local = normalize(address.slice(0, at)).toLowerCase();
  const domainPart = address.slice(at + 1);
  const { host } = decodeHost(domainPart);
  const full = `${local}@${host}`;
  const exact = (official.emails ?? []).filter((e) => !e.startsWith('@')).map((e) => e.toLowerCase());
  const wildcard = emailDomainsOf(official);
  const allDomains = [...new Set([...wildcard, ...exact.map((e) => e.split('@')[1])])];
  const shownDomain = wildcard.length ? `@${wildcard[0]}` : exact[0] ?? (official.domains ?? [])[0] ?? '';
  const reasons = [];
  let isOfficial = exact.includes(full);
  if (isOfficial) reasons.push({ code: 'exact', params: [full] });
  if (!isOfficial) {
    const d = wildcard.find((w) => host === w || host.endsWith(`.${w}`));
    if (d) {
      isOfficial = true;
      reasons.push({ code: host === d ? 'exact' : 'subdomain', params: [`@${d}`] });
    }
  }
  if (isOfficial) return { verdict: 'official', kind: 'email', reasons };

  const brands = brandNames(official);
  const mentions = (s) => {
    const skel = skeleton(s);
    return brands.some((b) => skel.includes(skeleton(b))) || allDomains.some((d) => normalize(s).toLowerCase().includes(d));
  };
  if (display && mentions(display)) reasons.push({ code: 'displayName', params: [display, full] });
  const hostCheck = checkHost(domainPart, official, { emailDomains: allDomains.length ? allDomains : null });
  reasons.push(...hostCheck.reasons.filter((r) => !['exact', 'subdomain'].includes(r.code)));
  if (FREE_MAIL.has(host)) reasons.push({ code: 'freeMail', params: [shownDomain, host] });
  if (brands.some((b) => skeleton(local).includes(skeleton(b)))) reasons.push({ code: 'brandElsewhere', params: [official.names?.[0] ?? brands[0], host] });
  const lookalike = reasons.some((r) => !['freeMail', 'punycode'].includes(r.code));
  if (!reasons.length) reasons.push({ code: 'notListed', params: [] });
  return { verdict: lookalike ? 'lookalike' : 'unknown', kind: 'email', reasons };
}

const digitsOf = (s) => s.replace(/\D/g, '');

function checkPhone(text, official) {
  const trimmed = text.replace(/^tel:/i, '').trim();
  let digits = digitsOf(trimmed);
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  if (trimmed.startsWith('00')) digits = digits.slice(2);
  for (const phone of official.phones ?? []) {
    const od = digitsOf(phone);
    if (digits === od || (!international && digits.length >= 7 && od.endsWith(digits))) {
      return { verdict: 'official', kind: 'phone', reasons: [{ code: 'exact', params: [phone] }] };
    }
  }
  for (const phone of official.phones ?? []) {
    const od = digitsOf(phone);
    const comparable = international ? od : od.slice(Math.max(0, od.length - digits.length));
    if (distance(digits, comparable) === 1 || (!international && distance(digits, od) === 1)) {
      return { verdict: 'lookalike', kind: 'phone', reasons: [{ code: 'phoneDigit', params: [phone] }] };
    }
  }
  return { verdict: 'unknown', kind: 'phone', reasons: [{ code: 'notListed', params: [] }] };
}

function officialHandles(official) {
  return (official.handles ?? []).map((h) => (typeof h === 'string' ? { platform: '', handle: h } : h))
    .map((h) => ({ platform: platformKey(h.platform), label: h.platform ?? '', name: normalize(h.handle).replace(/^@/, '').toLowerCase(), handle: h.handle }));
}

function checkHandle(name, platform, official) {
  const handle = normalize(name).replace(/^@/, '').toLowerCase();
  const list = officialHandles(official);
  const same = list.filter((h) => h.name === handle);
  const onPlatform = same.filter((h) => !platform || !h.platform || h.platform === platform);
  if (onPlatform.length) {
    const where = [...new Set(onPlatform.map((h) => h.label).filter(Boolean))].join(', ');
    return { verdict: 'official', kind: 'handle', reasons: [{ code: 'exact', params: [`@${handle}${where ? ` (${where})` : ''}`] }] };
  }
  if (same.length) {
    return { verdict: 'lookalike', kind: 'handle', reasons: [{ code: 'otherPlatform', params: [`@${handle}`, [...new Set(same.map((h) => h.label))].join(', ')] }] };
  }
  const reasons = [];
  const candidates = [...list.map((h) => ({ name: h.name, shown: h.handle })), ...brandNames(official).map((b) => ({ name: b, shown: b }))];
  for (const c of candidates) {
    const reason = compareName(handle, c.name, c.shown);
    if (reason && !reasons.some((r) => r.code === reason.code)) reasons.push(reason);
  }
  // "tidewell_support" both adds words and differs by a letter from "tidewell_cn": say what matters most.
  const order = ['confusable', 'swap', 'addedWords', 'typo'];
  reasons.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  if (reasons.length) return { verdict: 'lookalike', kind: 'handle', reasons: reasons.slice(0, 2) };
  return { verdict: 'unknown', kind: 'handle', reasons: [{ code: 'notListed', params: [] }] };
}

const PLATFORM_PREFIX = /^(telegram|tg|x|twitter|instagram|ig|facebook|fb|youtube|yt|tiktok|discord|wechat|weixin|whatsapp|line|weibo|reddit|linkedin)\s*[:：]\s*(@?\S+)$/i;
const PHONE = /^(tel:)?\+?[\d\s().\-/]+$/i;

function splitUrl(text) {
  let rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const end = rest.search(/[/?#\\]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const path = end < 0 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  const host = (at < 0 ? authority : authority.slice(at + 1)).replace(/:\d+$/, '');
  return { host, path, userinfo };
}

/** Checks one pasted email address, website, phone number or handle against the official list. */
export function check(input, official = {}) {
  const text = normalize(input ?? '').replace(/\s+/g, ' ');
  if (!text) return { verdict: 'unknown', kind: 'empty', reasons: [] };

  if (PHONE.test(text) && digitsOf(text).length >= 7) return checkPhone(text, official);

  const prefixed = text.match(PLATFORM_PREFIX);
  if (prefixed) return checkHandle(prefixed[2], platformKey(prefixed[1]), official);
  if (text.startsWith('@') && !text.slice(1).includes('@')) return checkHandle(text, '', official);

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const emailLike = /^(mailto:)?[^\s/@]+@[^\s@/]+\.[^\s@/]+$/i.test(text) || /<[^<>@\s]+@[^<>\s]+>\s*$/.test(text);
  if (!hasScheme && emailLike) return checkEmail(text, official);

  if (hasScheme || (/\./.test(text) && !/\s/.test(text))) {
    const { host, path, userinfo } = splitUrl(text);
    const social = SOCIAL_HOSTS[decodeHost(host).host.replace(/^(www\.|m\.|mobile\.)/, '')];
    if (social) {
      const handle = path.split(/[/?#]/).filter(Boolean)[0];
      if (handle) return checkHandle(handle, social, official);
    }
    const result = checkHost(host, official);
    const reasons = [...result.reasons];
    if (userinfo) {
      reasons.unshift({ code: 'userinfo', params: [userinfo, result.host] });
      return { verdict: result.verdict === 'official' ? 'official' : 'lookalike', kind: 'website', reasons };
    }
    if (!reasons.length) reasons.push({ code: 'notListed', params: [] });
    return { verdict: result.verdict, kind: 'website', reasons };
  }
  return checkHandle(text, '', official);
}
