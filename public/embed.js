/*
 * Contact Timeline host script: resizes every embedded timeline iframe to its content.
 * Include once on the page that holds the iframes: <script src=".../embed.js" async></script>
 * It listens for {type: "contact-timeline:resize", height} messages and accepts one only from the window of an iframe
 * marked data-contact-timeline whose src has the sender's origin. It never executes or inserts anything received.
 */
(function () {
  'use strict';
  if (window.__contactTimelineEmbed) return;
  window.__contactTimelineEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'contact-timeline:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height > 100000) return;
    var frames = document.querySelectorAll('iframe[data-contact-timeline]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        continue;
      }
      if (origin !== event.origin) continue;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('height', String(Math.ceil(height)));
    }
  });
})();
