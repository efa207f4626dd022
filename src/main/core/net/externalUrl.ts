/**
 * Links in model output are untrusted. Only web and mail links may leave the app, and only
 * to the system's own browser or mail client.
 */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // Credentials in a link are a phishing trick (https://bank.com@evil.example).
  return url.hostname.length > 0 && url.username === '' && url.password === '';
}
