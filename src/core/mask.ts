/**
 * Masks for personal data, safe for screen sharing: enough shape left to recognise what a value
 * is, nothing that identifies the person. Pure.
 */

/** Masks a value of any kind: only its rough length (4, 8, 12 or 16 stars) survives. */
export function maskValue(v: string): string {
  const n = Array.from(v).length;
  if (n === 0) return '';
  return '*'.repeat(n <= 4 ? 4 : n <= 8 ? 8 : n <= 16 ? 12 : 16);
}

/** "12345678909" or "123.456.789-09" → "***.456.789-**" (the usual Brazilian partial mask); anything else → maskValue. */
export function maskCpf(v: string): string {
  const digits = v.replace(/\D/g, '');
  if (digits.length !== 11) return maskValue(v);
  return `***.${digits.slice(3, 6)}.${digits.slice(6, 9)}-**`;
}

/** "Luke Skywalker" → "L*** S********": the initial of each word, its length, nothing else. */
export function maskName(v: string): string {
  return v.replace(/\S+/gu, (word) => {
    const [initial = '', ...rest] = Array.from(word);
    return initial + '*'.repeat(rest.length);
  });
}

// "1990-05-12T00:00:00Z" → "****-**-**T**:**:**Z", "12/05/1990" → "**/**/****": the shape, no digit.
export function maskDate(v: string): string {
  return v.replace(/\d/g, '*');
}
