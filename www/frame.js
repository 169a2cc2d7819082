// TrialCheck in an iframe that sizes itself: include this script on the host
// page, after the iframe, and mark the iframe with `data-trialcheck`:
//
//   <iframe data-trialcheck src="https://example.org/trialcheck/?trials=NCT06904729" title="TrialCheck"
//           style="width: 100%; border: 0"></iframe>
//   <script src="https://example.org/trialcheck/trialcheck-frame.js"></script>
//
// The page inside posts its content height, and nothing else. A message is
// taken only from that iframe's own window, and only from the origin of its
// address: no other frame or site can resize it.
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-trialcheck]')];
  const originOf = (frame) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.trialcheck !== 'height' || !Number.isFinite(data.height)) return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    // Bounded: a frame cannot make its host page endless.
    frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 200), 20000)}px`;
  });
})();
