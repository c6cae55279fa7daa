/**
 * A client-made submissionId (docs/contracts.md): 8–100 characters of letters,
 * digits, "-" and "_". crypto.getRandomValues works on plain http too, where
 * crypto.randomUUID does not.
 */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'w-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
