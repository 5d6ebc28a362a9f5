// On a phone the results come first: the search form and the facets of a results page fold away
// (they stay one tap away, as <details>). Without this script they show open, which also works.
(function () {
  if (!window.matchMedia || !window.matchMedia('(max-width: 48rem)').matches) return;
  if (!document.querySelector('ol.hits > li')) return;
  document.querySelectorAll('details.search-box, details.facet-box').forEach(function (d) { d.open = false; });
})();
