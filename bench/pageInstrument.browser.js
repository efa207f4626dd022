// Injected into the page before the app loads. It observes from outside — frame times,
// long tasks, WebSocket text arrivals, DOM updates of the answer — and changes nothing.
(() => {
  const b = (window.__bench = { frames: [], longTasks: [], arrivals: [], domUpdates: [], recording: false });
  let last = performance.now();
  const loop = (now) => {
    if (b.recording) b.frames.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (b.recording) b.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (ev) => {
        if (b.recording && typeof ev.data === 'string' && (ev.data.includes('"type":"text"') || ev.data.includes('"type":"reasoning"'))) b.arrivals.push(performance.now());
      });
    }
  };
  // Which top-level markdown blocks changed (children of a block group, or of the answer in
  // builds without groups): finished blocks should never appear here.
  const isBlockParent = (el) => el.classList.contains('md-group') || el.classList.contains('markdown');
  new MutationObserver((records) => {
    if (!b.recording) return;
    const touched = new Set();
    for (const r of records) {
      let n = r.target;
      while (n && n.parentElement && !isBlockParent(n.parentElement)) n = n.parentElement;
      if (n && n.parentElement && isBlockParent(n.parentElement)) touched.add(n);
    }
    if (touched.size > 0) b.domUpdates.push({ t: performance.now(), blocksTouched: touched.size });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();
