/**
 * Proof of consent (Luật 91/2025/QH15): each registration keeps when consent
 * was given and an id of the wording the person was shown. The id is a hash of
 * the wording, so it changes exactly when editors change the text, and the
 * same text always gets the same id; the wordings themselves are kept by the
 * service (table consent_versions) so an old id stays readable.
 * Browser-safe: FNV-1a, no node:crypto.
 */

/** A short, stable id of the consent wording shown ("dy-" + 12 hex digits). */
export function consentVersion(wording: readonly string[]): string {
  // Two independent 32-bit FNV-1a hashes (different offsets) give 48 useful bits.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const ch of wording.join('\n').normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return `dy-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0').slice(0, 4)}`;
}
