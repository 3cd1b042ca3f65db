// Renders the findings table from the embedded JSON block, one page at a time, so the DOM stays small with
// tens of thousands of results. Data is only ever inserted with textContent; links point at # anchors only.
(function () {
  "use strict";
  var SEVERITIES = ["critical", "high", "medium", "low", "info"];
  var STATUSES = ["fail", "waived", "indeterminate", "pass", "not-applicable"];
  var PRINT_LIMIT = 2000;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var results = data.results;
  var controls = data.controls;
  var byId = function (id) { return document.getElementById(id); };
  var ui = {
    search: byId("f-search"), status: byId("f-status"), severity: byId("f-severity"), control: byId("f-control"),
    requirement: byId("f-requirement"), entity: byId("f-entity"), file: byId("f-file"), sort: byId("f-sort"),
    newOnly: byId("f-new"), reset: byId("f-reset"), body: byId("findings-body"), count: byId("result-count"),
    pager: byId("pager")
  };
  var state = { page: 0, pageSize: 50, filtered: [], open: {} };

  function known(list, value, fallback) { return list.indexOf(value) >= 0 ? value : fallback; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function addOptions(select, entries) {
    entries.forEach(function (entry) {
      var option = el("option", null, entry[1]);
      option.value = entry[0];
      select.appendChild(option);
    });
  }
  // Paths and entity names break after "/" rather than mid-word.
  function pathCell(className, text) {
    var cell = el("td", className);
    String(text).split("/").forEach(function (part, i, parts) {
      cell.appendChild(document.createTextNode(part + (i < parts.length - 1 ? "/" : "")));
      if (i < parts.length - 1) cell.appendChild(document.createElement("wbr"));
    });
    return cell;
  }
  function control(result) { return controls[result.control] || { title: "", requirements: [], references: [] }; }
  function location(result) { return result.file + ":" + result.line + ":" + result.column; }

  var searchText = null;
  function searchable(index) {
    if (!searchText) {
      searchText = results.map(function (r) {
        var parts = [r.control, control(r).title, r.entity, location(r), r.field, r.message];
        r.evidence.forEach(function (e) { parts.push(e.field, e.value || "", e.note || ""); });
        if (r.waiver) parts.push(r.waiver.name, r.waiver.owner, r.waiver.approvedBy, r.waiver.ticket, r.waiver.justification);
        return parts.join("\u0000").toLowerCase();
      });
    }
    return searchText[index];
  }

  addOptions(ui.control, Object.keys(controls).sort().map(function (id) { return [id, id + " · " + controls[id].title]; }));
  addOptions(ui.requirement, data.requirements.map(function (r) { return [r.key, r.label]; }));

  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var sorters = {
    severity: function (a, b) {
      return compare(SEVERITIES.indexOf(a.severity), SEVERITIES.indexOf(b.severity)) ||
        compare(STATUSES.indexOf(a.status), STATUSES.indexOf(b.status)) || compare(a.control, b.control);
    },
    control: function (a, b) { return compare(a.control, b.control); },
    entity: function (a, b) { return compare(a.entity, b.entity); },
    file: function (a, b) { return compare(a.file, b.file) || compare(a.line, b.line) || compare(a.column, b.column); },
    status: function (a, b) { return compare(STATUSES.indexOf(a.status), STATUSES.indexOf(b.status)); }
  };

  function applyFilters() {
    var query = ui.search.value.trim().toLowerCase();
    var f = {
      status: ui.status.value, severity: ui.severity.value, control: ui.control.value,
      requirement: ui.requirement.value, entity: ui.entity.value.trim().toLowerCase(),
      file: ui.file.value.trim().toLowerCase(), newOnly: ui.newOnly.checked
    };
    var matches = [];
    for (var i = 0; i < results.length; i++) {
      var r = results[i];
      if (f.status && r.status !== f.status) continue;
      if (f.severity && r.severity !== f.severity) continue;
      if (f.newOnly && r.isNew !== true) continue;
      if (f.control && r.control !== f.control) continue;
      if (f.entity && r.entity.toLowerCase().indexOf(f.entity) < 0) continue;
      if (f.file && r.file.toLowerCase().indexOf(f.file) < 0) continue;
      if (f.requirement && control(r).requirements.indexOf(f.requirement) < 0) continue;
      if (query && searchable(i).indexOf(query) < 0) continue;
      matches.push(i);
    }
    var sorter = sorters[ui.sort.value] || sorters.severity;
    matches.sort(function (a, b) { return sorter(results[a], results[b]) || compare(a, b); });
    state.filtered = matches;
    state.page = 0;
    render();
  }

  function detailRow(r) {
    var c = control(r);
    var row = el("tr", "detail");
    var cell = el("td");
    cell.colSpan = 6;
    var grid = el("div", "detail-grid");
    var evidence = el("div", "evidence");
    evidence.appendChild(el("h4", null, "Evidence"));
    var table = el("table", "evidence-table");
    var head = el("tr");
    ["Location", "Field", "Value (redacted)", "Note"].forEach(function (t) { head.appendChild(el("th", null, t)); });
    table.appendChild(head);
    r.evidence.forEach(function (e) {
      var tr = el("tr");
      tr.appendChild(pathCell("mono", e.file + ":" + e.line + ":" + e.column));
      tr.appendChild(el("td", "mono", e.field));
      tr.appendChild(el("td", "mono value", e.value === undefined || e.value === null ? "(not set)" : e.value));
      tr.appendChild(el("td", null, e.note || ""));
      table.appendChild(tr);
    });
    evidence.appendChild(table);
    if (r.waiver) evidence.appendChild(waiverBlock(r.waiver));
    var history = [];
    if (r.firstSeen) history.push("First seen " + r.firstSeen + (r.isNew ? " (new since the previous run)" : ""));
    if (r.inBaseline === true) history.push("In the baseline (accepted debt).");
    if (r.inBaseline === false) history.push("Not in the baseline: new debt.");
    if (history.length) evidence.appendChild(el("p", "small history-note", history.join(" · ")));
    grid.appendChild(evidence);
    var text = el("div", "guidance");
    text.appendChild(el("h4", null, "Why it matters"));
    text.appendChild(el("p", null, c.rationale));
    text.appendChild(el("h4", null, "Remediation"));
    text.appendChild(el("p", null, c.remediation));
    if (c.references.length) {
      text.appendChild(el("h4", null, "References"));
      var refs = el("ul", "refs");
      c.references.forEach(function (ref) {
        var li = el("li", null, ref.title);
        if (ref.url) li.appendChild(el("span", "mono url", " " + ref.url));
        refs.appendChild(li);
      });
      text.appendChild(refs);
    }
    text.appendChild(el("h4", null, "Framework requirements"));
    text.appendChild(el("p", "mono small", c.requirements.join("  ") || "none (input check)"));
    text.appendChild(el("p", "mono small muted", "result id " + r.id));
    grid.appendChild(text);
    cell.appendChild(grid);
    row.appendChild(cell);
    return row;
  }

  // The accepted risk in full; an expired waiver is shown as such, its result is a failure again.
  function waiverBlock(w) {
    var box = el("div", "waiver-box" + (w.expired ? " expired" : ""));
    box.appendChild(el("h4", null, w.expired ? "Waiver expired on " + w.expires : "Waived until " + w.expires));
    var list = el("dl", "waiver-fields");
    [["Waiver", w.name], ["Owner", w.owner], ["Approved by", w.approvedBy], ["Ticket", w.ticket],
     ["Expires", w.expires], ["Justification", w.justification], ["Declared at", w.source]].forEach(function (pair) {
      list.appendChild(el("dt", null, pair[0]));
      list.appendChild(el("dd", null, pair[1]));
    });
    box.appendChild(list);
    return box;
  }

  function waiverLine(w) {
    var text = (w.expired ? "Waiver expired " + w.expires : "Waived until " + w.expires) +
      " · " + w.owner + " · approved by " + w.approvedBy + " · " + w.ticket;
    return el("div", "waiver-line" + (w.expired ? " expired" : ""), text);
  }

  function resultRow(r, index, expanded) {
    var classes = "result status-" + known(STATUSES, r.status, "unknown");
    if (r.isNew === true) classes += " is-new";
    if (r.waiver && r.waiver.expired) classes += " waiver-expired";
    var row = el("tr", classes);
    row.setAttribute("data-index", String(index));
    var sev = el("td");
    sev.appendChild(el("span", "badge sev-" + known(SEVERITIES, r.severity, "unknown"), r.severity));
    row.appendChild(sev);
    var status = el("td");
    status.appendChild(el("span", "badge cov-" + known(STATUSES, r.status, "unknown"), r.status));
    if (r.isNew === true) status.appendChild(el("span", "badge new", "new"));
    if (r.waiver && r.waiver.expired) status.appendChild(el("span", "badge waiver-expired-badge", "waiver expired"));
    row.appendChild(status);
    var ctl = el("td", "control");
    var toggle = el("button", "toggle", r.control);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
    toggle.title = "Show evidence and remediation";
    ctl.appendChild(toggle);
    ctl.appendChild(el("div", "control-title", control(r).title));
    row.appendChild(ctl);
    row.appendChild(pathCell("entity", r.entity));
    var where = pathCell("mono location", location(r));
    if (r.field) where.appendChild(el("div", "field", r.field));
    if (r.firstSeen) where.appendChild(el("div", "first-seen", "first seen " + r.firstSeen.slice(0, 10)));
    row.appendChild(where);
    var message = el("td", "message", r.message);
    if (r.waiver) message.appendChild(waiverLine(r.waiver));
    row.appendChild(message);
    return row;
  }

  function renderRows(indices, expandAll) {
    var fragment = document.createDocumentFragment();
    var grouped = ui.sort.value === "severity";
    var lastSeverity = null;
    var counts = {};
    if (grouped) state.filtered.forEach(function (i) { counts[results[i].severity] = (counts[results[i].severity] || 0) + 1; });
    indices.forEach(function (index) {
      var r = results[index];
      if (grouped && r.severity !== lastSeverity) {
        lastSeverity = r.severity;
        var group = el("tr", "group sev-row-" + known(SEVERITIES, r.severity, "unknown"));
        group.appendChild(el("th", null, r.severity.toUpperCase() + " · " + counts[r.severity]));
        group.firstChild.colSpan = 6;
        fragment.appendChild(group);
      }
      var open = expandAll || state.open[index] === true;
      fragment.appendChild(resultRow(r, index, open));
      if (open) fragment.appendChild(detailRow(r));
    });
    ui.body.replaceChildren(fragment);
  }

  function pagerButton(label, page, disabled) {
    var button = el("button", "page", label);
    button.type = "button";
    button.disabled = disabled;
    button.addEventListener("click", function () { state.page = page; render(); });
    return button;
  }

  function render() {
    var total = state.filtered.length;
    var pages = Math.max(1, Math.ceil(total / state.pageSize));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * state.pageSize;
    renderRows(state.filtered.slice(start, start + state.pageSize), false);
    ui.count.textContent = total === 0
      ? "No results match these filters (" + results.length + " results in total)."
      : "Showing " + (start + 1) + "–" + Math.min(total, start + state.pageSize) + " of " + total +
        " matching results (" + results.length + " in total).";
    var size = el("select", "page-size");
    [25, 50, 100, 250].forEach(function (n) {
      var option = el("option", null, n + " per page");
      option.value = String(n);
      option.selected = n === state.pageSize;
      size.appendChild(option);
    });
    size.addEventListener("change", function () { state.pageSize = Number(size.value); state.page = 0; render(); });
    ui.pager.replaceChildren(
      pagerButton("« First", 0, state.page === 0), pagerButton("‹ Previous", state.page - 1, state.page === 0),
      el("span", "page-info", "Page " + (state.page + 1) + " of " + pages),
      pagerButton("Next ›", state.page + 1, state.page >= pages - 1),
      pagerButton("Last »", pages - 1, state.page >= pages - 1), size);
  }

  ui.body.addEventListener("click", function (event) {
    var button = event.target.closest("button.toggle");
    if (!button) return;
    var index = Number(button.closest("tr").getAttribute("data-index"));
    state.open[index] = !state.open[index];
    render();
  });

  var timer = null;
  [ui.search, ui.entity, ui.file].forEach(function (input) {
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(applyFilters, 150); });
  });
  [ui.status, ui.severity, ui.control, ui.requirement, ui.sort, ui.newOnly].forEach(function (select) {
    select.addEventListener("change", applyFilters);
  });
  byId("filters").addEventListener("submit", function (event) { event.preventDefault(); applyFilters(); });
  ui.reset.addEventListener("click", function () {
    ui.search.value = "";
    [ui.severity, ui.control, ui.requirement, ui.entity, ui.file].forEach(function (s) { s.value = ""; });
    ui.newOnly.checked = false;
    ui.status.value = "fail";
    ui.sort.value = "severity";
    applyFilters();
  });

  // A requirement's "Findings" link shows every result that evidences it, whatever its status.
  document.querySelectorAll("a.drill").forEach(function (link) {
    link.addEventListener("click", function () {
      ui.requirement.value = link.getAttribute("data-requirement");
      ui.status.value = "";
      applyFilters();
    });
  });

  // Print every matching result with its evidence (up to a limit), not just the page on screen.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    renderRows(state.filtered.slice(0, PRINT_LIMIT), true);
    if (state.filtered.length > PRINT_LIMIT) ui.count.textContent = "Printing the first " + PRINT_LIMIT + " of " + state.filtered.length + " matching results.";
  });
  window.addEventListener("afterprint", render);

  window.nhiAuditReport = { apply: applyFilters, state: state, controls: ui };
  applyFilters();
})();
