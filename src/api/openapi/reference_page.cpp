#include "api/openapi/reference_page.hpp"

namespace orderly::api::openapi {

std::string_view ReferencePage() {
  static constexpr std::string_view kPage = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>orderly API reference</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
  details { border: 1px solid #d0d7de; border-radius: 6px; margin: .35rem 0; padding: .3rem .6rem; }
  summary { cursor: pointer; } code { font-size: .9em; }
  .method { display: inline-block; min-width: 4.2rem; font-weight: 600; font-family: monospace; }
  .get { color: #0969da; } .post { color: #1a7f37; } .patch, .put { color: #9a6700; } .delete { color: #cf222e; }
  table { border-collapse: collapse; margin: .4rem 0; } td, th { padding: .15rem .6rem; text-align: left; border-bottom: 1px solid #eaeef2; }
  #filter { width: 100%; padding: .4rem; font-size: 1rem; }
</style>
</head>
<body>
<h1>orderly API reference</h1>
<p>Generated from the server's route table: <a href="/api/schema/">/api/schema/</a> (OpenAPI 3).
Authenticate with <code>Authorization: Token &lt;key&gt;</code>; get a key from <code>POST /api-auth/password/</code>.</p>
<label for="filter">Filter operations</label>
<input id="filter" type="search" placeholder="e.g. approve, marketplace-orders, POST">
<main id="operations" aria-live="polite">Loading…</main>
<script>
"use strict";
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}
function render(schema, filter) {
  const byTag = new Map();
  for (const [path, methods] of Object.entries(schema.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const text = (method + " " + path + " " + operation.summary).toLowerCase();
      if (filter && !text.includes(filter.toLowerCase())) continue;
      const tag = operation.tags[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation });
    }
  }
  const main = document.getElementById("operations");
  main.replaceChildren();
  for (const [tag, operations] of [...byTag.entries()].sort()) {
    main.append(element("h2", {}, tag));
    for (const { path, method, operation } of operations) {
      const parameters = element("table", {}, element("tr", {}, element("th", {}, "parameter"), element("th", {}, "in"), element("th", {}, "required")));
      for (const parameter of operation.parameters) {
        parameters.append(element("tr", {}, element("td", {}, element("code", {}, parameter.name)), element("td", {}, parameter.in), element("td", {}, parameter.required ? "yes" : "no")));
      }
      const responses = element("table", {}, element("tr", {}, element("th", {}, "status"), element("th", {}, "meaning")));
      for (const [status, response] of Object.entries(operation.responses)) {
        responses.append(element("tr", {}, element("td", {}, status), element("td", {}, response.description)));
      }
      main.append(element("details", {},
        element("summary", {}, element("span", { class: "method " + method }, method.toUpperCase()), element("code", {}, path), " — ", operation.summary),
        operation.parameters.length ? parameters : "",
        operation.requestBody ? element("p", {}, "Body: a JSON object.") : "",
        responses,
        operation.security && operation.security.length === 0 ? element("p", {}, "No authentication needed.") : ""));
    }
  }
  if (!byTag.size) main.append("No operation matches.");
}
fetch("/api/schema/").then((response) => response.json()).then((schema) => {
  render(schema, "");
  document.getElementById("filter").addEventListener("input", (event) => render(schema, event.target.value));
}).catch((error) => { document.getElementById("operations").textContent = "Cannot load /api/schema/: " + error; });
</script>
</body>
</html>
)html";
  return kPage;
}

}  // namespace orderly::api::openapi
