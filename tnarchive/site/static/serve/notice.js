// `mkdocs serve` only (tnarchive/site/serve_notice.py): shows, at the top of the page, that the
// articles are older than their seeds, corrections or data files. The status is asked for on
// every load, never cached: the page itself is not rebuilt when only a seed changes (--dirty).
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.fetch) return;
  fetch(new URL("status.json", here), { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (status) {
      var lang = document.documentElement.lang === "en" ? "en" : "vi";
      var text = status[lang];
      if (!text) return;
      var box = document.createElement("div");
      box.className = "admonition warning tna-serve-notice";
      box.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = text;  // text, never HTML
      box.appendChild(p);
      var at = document.querySelector(".md-content__inner") || document.body;
      at.insertBefore(box, at.firstChild);
    })
    .catch(function () {});
})();
