/** The Electron window's policy; the dev server additionally needs its HMR socket. */
export function contentSecurityPolicyForElectron(dev: boolean): string {
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // No remote images: a model could leak the conversation through an image URL. blob: URLs
    // can only be made by the page itself (previews of files being attached).
    "img-src 'self' data: blob:",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
