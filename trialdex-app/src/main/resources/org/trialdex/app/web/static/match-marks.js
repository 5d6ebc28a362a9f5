// Marks the criteria with a match's verdicts, read from this link's fragment (#match=MNUAX...): one
// letter per criterion in the page's order. The fragment never leaves the browser.
(function () {
  var m = /[#&]match=([MNUAX]*)/.exec(location.hash);
  if (!m) { return; }
  var names = { M: ['met', 'Met'], N: ['not-met', 'Not met'], U: ['unknown', 'Unknown'], A: ['na', 'Does not apply'], X: ['not-met', 'Not met (rules the patient out)'] };
  var codes = m[1];
  document.querySelectorAll('li[data-criterion]').forEach(function (li) {
    var code = codes.charAt(parseInt(li.getAttribute('data-criterion'), 10));
    if (!names[code]) { return; }
    li.classList.add(names[code][0]);
    var mark = document.createElement('span');
    mark.className = 'mark ' + names[code][0];
    mark.textContent = names[code][1];
    li.insertBefore(document.createTextNode(' '), li.firstChild);
    li.insertBefore(mark, li.firstChild);
  });
  document.getElementById('match-legend').hidden = false;
})();
