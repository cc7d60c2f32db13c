// Dateline's embed loader. Paste where the timeline should go:
//   <div class="dateline-embed" data-src="https://example.com/story/?height=400"></div>
//   <script src="https://example.com/story/embed.js" async></script>
// It fills each such <div> with a full-width frame of the timeline and keeps the frame as tall
// as the timeline says it is ({type: "dateline:height", height} from the framed page).
(function () {
  "use strict";
  var frames = [];
  function fill() {
    var divs = document.querySelectorAll("div.dateline-embed[data-src]");
    for (var i = 0; i < divs.length; i++) {
      var div = divs[i];
      if (div.getAttribute("data-dateline-filled") !== null) continue;
      div.setAttribute("data-dateline-filled", "");
      var frame = document.createElement("iframe");
      frame.src = div.getAttribute("data-src");
      frame.title = div.getAttribute("data-title") || "Timeline";
      frame.setAttribute("loading", "lazy");
      frame.style.cssText = "display:block;width:100%;max-width:100%;border:0;height:" +
        (div.style.minHeight || "700px");
      div.appendChild(frame);
      frames.push(frame);
    }
  }
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "dateline:height" || typeof d.height !== "number") return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.max(100, Math.min(20000, Math.ceil(d.height))) + "px";
        frames[i].parentNode.style.minHeight = "0";
      }
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
