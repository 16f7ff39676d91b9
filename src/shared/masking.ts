/**
 * The one masker: personal data and secrets are replaced before any string leaves the process
 * (Langfuse attributes and status messages, logs, promoted scenarios, error bodies). Rules run in
 * order: specific key formats first, so a later, broader rule never sees half of a secret.
 */
const STREET_WORDS = 'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace';
const GERMAN_STREET = '(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer)';
const AT = String.raw`\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*`;
const DOT = String.raw`\s*(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+)\s*`;

// never[]: each rule's function declares the groups, offset and text it reads.
type Replacement = string | ((match: string, ...rest: never[]) => string);

const RULES: Array<[RegExp, Replacement]> = [
  // Provider keys with a known shape: Stripe, GitHub, AWS, Google, Slack, OpenAI-style.
  [/\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}\b/g, '[secret]'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '[secret]'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, '[secret]'],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, '[secret]'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, '[secret]'],
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}\b/g, '[secret]'],
  // JSON Web Tokens: three base64url parts, the first a JSON header.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g, '[secret]'],
  // Credentials in headers, whatever their length, with or without a scheme.
  [/\bBearer\s+(?!\[secret\])[A-Za-z0-9._~+/=:-]+/gi, 'Bearer [secret]'],
  [
    /\b((?:proxy-)?authorization|x-api-key|api-key)(["']?\s*[:=]\s*["']?)(?:(Basic|Token)\s+)?(?!Bearer\b)(?!\[secret\])[^\s"',;]+/gi,
    (_match, name: string, separator: string, scheme?: string) =>
      `${name}${separator}${scheme ? `${scheme} ` : ''}[secret]`,
  ],
  [
    /\b(password|passwd|pwd|secret|token|api[_-]?key|client[_-]?secret)\s*[:=]\s*(?!["']?\[secret\])\S+/gi,
    '$1=[secret]',
  ],
  [/\b(?:[A-Fa-f0-9]{32,}|[A-Za-z0-9+/]{40,}={0,2})\b/g, '[secret]'],
  // Bank accounts: IBANs, compact or in groups of four.
  [/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // Emails, also written to dodge filters: bob(at)example(dot)org, bob at example dot org.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [new RegExp(String.raw`[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)+`, 'gi'), '[email]'],
  // Postal addresses: "221B Baker Street", "Hauptstraße 5", a postcode with its town.
  [new RegExp(String.raw`\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:${STREET_WORDS})\b\.?`, 'g'), '[address]'],
  [new RegExp(String.raw`\b[A-ZÄÖÜ][a-zäöüß]+${GERMAN_STREET}\s+\d{1,4}[a-z]?\b`, 'g'), '[address]'],
  // A postcode and town only right after a street (alone, "21318 Tree House" is a LEGO set).
  [/(\[address\],?\s+)\d{4,5}\s+[A-ZÄÖÜ][a-zäöüß]{2,}\b/g, '$1[address]'],
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/g, '[address]'],
  // A phone number has nine digits or more; "(2022) 128 GB" is a model year and a size. Digits inside
  // a UUID (request, run and trace ids) are an identifier's, not a number's.
  [
    /(?<![\w€$£(])\(?\+?\d[\d ()./-]{7,}\d(?![\w%])/g,
    (match, offset: number, text: string) =>
      match.replace(/\D/g, '').length >= 9 && !insideUuid(text, offset, offset + match.length) ? '[phone]' : match,
  ],
];

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Whether [start, end) overlaps a UUID in `text`. */
function insideUuid(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(UUID)) if (m.index < end && start < m.index + m[0].length) return true;
  return false;
}

function applyRules(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement as string);
  return out;
}

// Format characters (zero-width spaces and joiners, soft hyphens, direction marks): invisible, so a reader
// sees "bob@example.com" where the rules would see letters cut apart.
const INVISIBLE = /\p{Cf}/gu;

export function maskText(text: string): string {
  const masked = applyRules(text);
  // Personal data written to dodge the rules (full-width digits and "＠", zero-width characters inside an
  // address) shows in the plain reading: when that reading has something to mask, it is what leaves, masked.
  // Text without any keeps its own characters.
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  if (plain === text) return masked;
  const maskedPlain = applyRules(plain);
  return maskedPlain !== plain ? maskedPlain : masked;
}

/** Masks every string inside a JSON-like value (keys too: a key can carry an email). */
export function maskValue<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map(maskValue) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [maskText(k), maskValue(v)]),
    ) as T;
  }
  return value;
}
