/**
 * Content-Disposition for downloads (RFC 6266) with a Chinese file name: an ASCII `filename`
 * fallback for old clients and the real name as `filename*` in RFC 5987 `UTF-8''…` form.
 */

/**
 * RFC 5987 `value-chars`: UTF-8 bytes percent-encoded except `attr-char`. encodeURIComponent
 * leaves `'()*` (and `!`) alone; `'`, `(`, `)`, `*` are not attr-char, so they are encoded too.
 */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<name>`; the ASCII fallback must not need quoting. */
export function attachment(asciiFallback: string, name: string): string {
  if (!/^[\x20-\x7e]+$/.test(asciiFallback) || /["\\]/.test(asciiFallback)) throw new Error(`not a plain ASCII file name: ${asciiFallback}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(name)}`;
}
