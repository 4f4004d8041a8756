// Ticket links built in the browser, from the reader's own words (the contact page's assistant).
// The same rules as the generator's Java (dev.pharos.support): RFC 3986 percent-encoding, RFC 6068 mailto,
// one function per provider, and the same shortening of over-long drafts. Both are held to
// tests/support-ticket-urls.fixture.json, so a link built here is byte-for-byte the one Java would build.

export const DEFAULT_MAX_LENGTH = 2000;
const ELLIPSIS = '\u2026';
const SOFT_BREAK = 20;
// The longest summary put into a subject (UTF-16 units), as in TicketText.SUMMARY_MAX.
const SUMMARY_MAX = 80;
const HEX = '0123456789ABCDEF';

/** Unpaired surrogates become U+FFFD (encodeURIComponent would throw on them; Java would write '?'). */
export function wellFormed(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else {
        out += '\uFFFD';
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\uFFFD';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** Percent-encodes everything but A-Z a-z 0-9 - . _ ~ (and the characters in `keep`), as UTF-8. */
export function encode(text, keep = '') {
  const bytes = new TextEncoder().encode(wellFormed(String(text)));
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(ch) || (b < 0x80 && keep.includes(ch))) {
      out += ch;
    } else {
      out += '%' + HEX[b >> 4] + HEX[b & 15];
    }
  }
  return out;
}

const isBlank = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Trims ASCII space, tab, CR and LF only, like the Java side. */
export function trim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text[start])) start++;
  while (end > start && isBlank(text[end - 1])) end--;
  return text.slice(start, end);
}

export const oneLine = (text) => trim(String(text ?? '').replace(/[\r\n\t]+/g, ' '));
export const lines = (text) => trim(String(text ?? '').replace(/\r\n/g, '\n').replace(/\r/g, '\n'));

/** A draft with the same normalisation as the Java record TicketDraft. */
export function draft({ category = '', subject = '', message = '', details = '', locale = '', url = '', title = '' } = {}) {
  return {
    category: category ?? '',
    subject: oneLine(subject),
    message: lines(message),
    details: lines(details),
    locale: locale ?? '',
    url: url ?? '',
    title: oneLine(title),
  };
}

export function description(d) {
  if (!d.message) return d.details;
  return d.details ? `${d.message}\n\n${d.details}` : d.message;
}

const first = (...values) => values.find((v) => v) ?? '';

function param(url, name, value) {
  if (!value) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${name}=${encode(value)}`;
}

const PLACEHOLDER = /\{(subject|description|category|locale|url|title)\}/g;

function expand(template, d, category, encodeValues) {
  return template.replace(PLACEHOLDER, (_, name) => {
    const value = { subject: d.subject, description: description(d), category, locale: d.locale, url: d.url, title: d.title }[name];
    return encodeValues ? encode(value) : value;
  });
}

export function zendeskLocale(locale) {
  const lower = locale.toLowerCase();
  return lower === 'en' ? 'en-us' : lower;
}

const sortedKeys = (obj) => Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const builders = {
  zendesk(p, d) {
    const c = p.categories?.[d.category];
    const tag = first(c?.tag, d.category);
    const locale = p.locales?.[d.locale] ?? zendeskLocale(d.locale);
    let url = `${String(p.base).replace(/\/+$/, '')}/hc/${encode(locale)}/requests/new`;
    url = param(url, 'ticket_form_id', first(c?.formId, p.formId));
    url = param(url, 'tf_subject', d.subject);
    url = param(url, 'tf_description', description(d));
    const fields = { ...(p.fields ?? {}), ...(c?.fields ?? {}) };
    if (p.categoryField) fields[p.categoryField] = tag;
    for (const key of sortedKeys(fields)) {
      url = param(url, `tf_${encode(key)}`, expand(fields[key], d, tag, false));
    }
    return url;
  },
  github(p, d) {
    const c = p.categories?.[d.category];
    const labels = [...new Set([...(p.labels ?? []), ...(c?.labels ?? [])])];
    let url = `${String(p.base).replace(/\/+$/, '')}/issues/new`;
    url = param(url, 'title', d.subject);
    url = param(url, 'body', description(d));
    if (labels.length) url += `${url.includes('?') ? '&' : '?'}labels=${labels.map((l) => encode(l)).join(',')}`;
    return param(url, 'template', first(c?.template, p.template));
  },
  jira(p, d) {
    const c = p.categories?.[d.category];
    const type = first(c?.requestTypeId, p.requestTypeId);
    return `${String(p.base).replace(/\/+$/, '')}/servicedesk/customer/portal/${encode(p.portalId ?? '')}/create/${encode(type)}`;
  },
  email(p, d) {
    const c = p.categories?.[d.category];
    const to = c?.to?.length ? c.to : p.to ?? [];
    const addresses = (list) => list.map((a) => encode(a, '@')).join(',');
    let url = `mailto:${addresses(to)}`;
    if (p.cc?.length) url += `?cc=${addresses(p.cc)}`;
    url = param(url, 'subject', d.subject);
    return param(url, 'body', description(d).replace(/\n/g, '\r\n'));
  },
  url(p, d) {
    const c = p.categories?.[d.category];
    return expand(p.template ?? '', d, first(c?.value, d.category), true);
  },
};

/** True when the provider's form can be prefilled through its URL (not Jira). */
export const prefills = (provider) => provider?.type !== 'jira';

/** The provider's URL with the whole draft, however long. */
export function build(provider, d) {
  const builder = builders[provider?.type];
  if (!builder) throw new Error(`unknown ticket provider: ${provider?.type}`);
  return builder(provider, d);
}

/**
 * The first n UTF-16 units of text (one fewer rather than split a surrogate pair), pulled back to a space or line
 * break within the last 20 units unless the cut already falls before one, with "…" added; '' for n = 0.
 */
export function cut(text, n) {
  if (n <= 0) return '';
  let end = Math.min(n, text.length);
  if (end < text.length) {
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
  }
  const atBreak = end === text.length || text[end] === ' ' || text[end] === '\n';
  for (let i = end - 1; !atBreak && i > 0 && i >= end - SOFT_BREAK; i--) {
    if (text[i] === ' ' || text[i] === '\n') {
      end = i;
      break;
    }
  }
  const prefix = trim(text.slice(0, end));
  return prefix ? prefix + ELLIPSIS : '';
}

/** The URL, at most maxLength characters: the message is shortened first, then the details, then the subject. */
export function ticketUrl(provider, d, maxLength = DEFAULT_MAX_LENGTH) {
  const full = build(provider, d);
  if (full.length <= maxLength || !prefills(provider)) return full;
  let current = d;
  for (const part of ['message', 'details', 'subject']) {
    const without = { ...current, [part]: '' };
    if (build(provider, without).length > maxLength) {
      current = without;
      continue;
    }
    const text = current[part];
    let lo = 0;
    let hi = text.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (build(provider, { ...current, [part]: cut(text, mid) }).length <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    return build(provider, { ...current, [part]: cut(text, lo) });
  }
  return build(provider, current);
}

function pair(pattern, label, value) {
  // One pass, so a label holding "{1}" or "$&" stays as written.
  return pattern.replace(/\{([01])\}/g, (_, i) => (i === '0' ? label : value)).replace(/[ \t]+$/, '');
}

/**
 * The same composition as TicketText.draft in Java: "Problem: …", a labelled blank per required detail, then the
 * article's address and the reader's language.
 */
export function composeDraft(text, { category, categoryLabel, summary = '', message = '', blanks = [], locale, localeLabel, url = '', title = '' }) {
  let cleanSummary = oneLine(summary);
  if (cleanSummary.length > SUMMARY_MAX) cleanSummary = cut(cleanSummary, SUMMARY_MAX);
  const subject = cleanSummary ? pair(text.pair, categoryLabel, cleanSummary) : categoryLabel;
  const rows = blanks.map((b) => pair(text.pair, b.label, b.attach ? text.attach : ''));
  if (rows.length) rows.push('');
  if (url) rows.push(pair(text.pair, text.article, url));
  rows.push(pair(text.pair, text.language, `${localeLabel} (${locale})`));
  return draft({ category, subject, message: pair(text.pair, text.problem, lines(message)), details: rows.join('\n'), locale, url, title });
}
