// The playground page of `security-guarantees serve` (docs/server.md). Bundled by build.sh; nothing here is fetched
// from anywhere but the server that serves the page.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { autocompletion } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter } from "@codemirror/lint";

const $ = (id) => document.getElementById(id);
const state = { rulesFile: null, rulesOriginal: null, samples: [], graph: null, runTimer: 0, sequence: 0 };

/** Builds an element: el("td", { class: "x" }, "text", child). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child ?? "");
  return node;
}

async function postJson(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(json?.detail ?? `${response.status} ${response.statusText}`);
  return json;
}

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

/** Diagnostics from /v1/diagnostics, underlined in the editor and listed under it. */
function diagnosticsSource(kind, listId) {
  return linter(async (view) => {
    const text = view.state.doc.toString();
    let diagnostics = [];
    try {
      diagnostics = (await postJson("/v1/diagnostics", { kind, text })).diagnostics;
    } catch (e) {
      setStatus(`diagnostics failed: ${e.message}`, true);
    }
    const doc = view.state.doc;
    const position = (line, column) => {
      if (line < 1) return 0;
      const l = doc.line(Math.min(line, doc.lines));
      return Math.min(l.from + Math.max(column, 1) - 1, l.to);
    };
    const list = $(listId);
    // Each problem is a button: Enter or a click puts the cursor on it and scrolls it into view.
    list.replaceChildren(...diagnostics.map((d) => el("li", { class: d.severity },
      el("button", { class: "problem", onclick: () => {
        const at = position(d.line, d.column);
        view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        view.focus();
      } }, `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ""}`))));
    return diagnostics.map((d) => {
      const from = d.column === 0 ? position(d.line, 1) : position(d.line, d.column);
      let to = d.column === 0 ? doc.line(Math.max(1, Math.min(d.line, doc.lines))).to : position(d.endLine, d.endColumn);
      if (to <= from) to = Math.min(from + 1, doc.length);
      return { from, to, severity: d.severity, message: `${d.code}: ${d.message}${d.hint ? `\nhint: ${d.hint}` : ""}` };
    });
  }, { delay: 350 });
}

/** The language server's kinds of proposals as CodeMirror's completion types (which pick the icons). */
const completionTypes = {
  "key": "property", "fact-type": "class", "field": "property", "binding": "variable", "function": "function",
  "keyword": "keyword", "enum-value": "enum", "condition-id": "constant", "next-step-id": "constant", "fact-key": "constant",
};

/**
 * Completion from /v1/completion: the library's authoring service, which the language server uses too (fact types,
 * fields, bindings, functions, enum values, ids and keys, declared types of the edited rules included).
 */
function completionSource(kind) {
  return async (context) => {
    const word = context.matchBefore(/[A-Za-z0-9_-]*/);
    const before = context.state.sliceDoc(Math.max(0, word.from - 1), word.from);
    // Unasked, only after a character that opens a value (a dot, a quote, a space after a key or an operator, a
    // bracket): not on an empty line, nor after a pasted or inserted block of text.
    if (!context.explicit && word.from === word.to && !/[." :(\[,]/.test(before)) return null;
    const line = context.state.doc.lineAt(context.pos);
    const rules = rulesEditor.state.doc.toString();
    const body = { kind, text: context.state.doc.toString(), line: line.number, column: context.pos - line.from + 1, rulesFile: state.rulesFile };
    if (kind !== "rules" && rules !== state.rulesOriginal) body.rules = rules;
    let items = [];
    try {
      items = (await postJson("/v1/completion", body)).items;
    } catch (e) {
      setStatus(`completion failed: ${e.message}`, true);
      return null;
    }
    if (context.aborted || items.length === 0) return null;
    return {
      from: word.from,
      options: items.map((i) => ({ label: i.label, type: completionTypes[i.kind] ?? "text", detail: i.detail ?? undefined, apply: i.insertText ?? i.label })),
      validFor: /^[A-Za-z0-9_-]*$/,
    };
  };
}

function createEditor(parent, kind, listId) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: "",
      extensions: [
        keymap.of([{ key: "Mod-Enter", run: () => { evaluate(); return true; } }]),
        basicSetup, yaml(), lintGutter(), diagnosticsSource(kind, listId),
        autocompletion({ override: [completionSource(kind)], activateOnTypingDelay: 150 }),
        EditorView.contentAttributes.of({ "aria-label": `${kind} editor` }),
        EditorView.updateListener.of((update) => { if (update.docChanged) scheduleEvaluate(); }),
      ],
    }),
  });
}

const rulesEditor = createEditor($("rules-editor"), "rules", "rules-problems");
const scenarioEditor = createEditor($("scenario-editor"), "scenario", "scenario-problems");

function setText(editor, text) {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
}

function scheduleEvaluate() {
  clearTimeout(state.runTimer);
  state.runTimer = setTimeout(evaluate, 700);
}

function request(extra = {}) {
  const rules = rulesEditor.state.doc.toString();
  return {
    rulesFile: state.rulesFile,
    rules: rules === state.rulesOriginal ? null : rules,
    scenario: scenarioEditor.state.doc.toString(),
    asOf: $("as-of").value.trim() || null,
    ...extra,
  };
}

async function evaluate() {
  const sequence = ++state.sequence;
  setStatus("evaluating…");
  let answer;
  try {
    answer = await postJson("/v1/playground/run", request());
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  if (sequence !== state.sequence) return;  // a newer edit is on its way
  if (answer.error) {
    setStatus(answer.error, true);
    return;
  }
  $("rule-set").textContent = `rule set ${answer.ruleSet.slice(0, 12)}`;
  renderTables(answer.evaluation);
  fillWhyNotTargets(answer.rules, answer.conditions);
  const e = answer.evaluation;
  setStatus(`${e.scenario} as of ${e.asOf}: ${e.conditions.length} condition(s), ${e.nextSteps.length} next step(s)`);
  if (state.graph) showGraph(state.graph.id, state.graph.subject, false);
}

function renderTables(evaluation) {
  $("conditions").tBodies[0].replaceChildren(...evaluation.conditions.map((c) => {
    const selected = state.graph && state.graph.id === c.id && state.graph.subject === c.subject;
    return el("tr", { class: selected ? "selected" : null },
      el("td", { class: `sev-${c.severity}` }, c.severity),
      el("td", {}, c.id), el("td", {}, c.subject ?? ""), el("td", {}, c.parties.join(", ")), el("td", {}, c.text ?? ""),
      el("td", {}, el("button", { class: "link", "aria-label": `Graph of ${c.id}${c.subject ? ` (${c.subject})` : ""}`, onclick: () => showGraph(c.id, c.subject, true) }, "Graph")));
  }));
  $("next-steps").tBodies[0].replaceChildren(...evaluation.nextSteps.map((n) =>
    el("tr", {}, el("td", {}, n.actor ?? "(anyone)"), el("td", {}, n.id), el("td", {}, n.subject ?? ""), el("td", {}, String(n.priority)), el("td", {}, n.text ?? ""))));
}

let mermaidLoaded = null;
async function renderMermaid(text) {
  mermaidLoaded ??= import("mermaid").then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral", flowchart: { htmlLabels: false } });
    return mermaid;
  });
  const mermaid = await mermaidLoaded;
  const { svg } = await mermaid.render(`graph-${++state.sequence}`, text);
  return svg;
}

async function showGraph(id, subject, fromClick) {
  state.graph = { id, subject };
  $("graph-title").textContent = `${id}${subject ? ` (${subject})` : ""}`;
  for (const row of $("conditions").tBodies[0].rows) {
    row.classList.toggle("selected", row.cells[1].textContent === id && row.cells[2].textContent === (subject ?? ""));
  }
  try {
    const answer = await postJson("/v1/playground/run", request({ explainCondition: id, explainSubject: subject }));
    if (!answer.mermaid) {
      $("graph").replaceChildren(el("p", { class: "hint" }, answer.error ?? `${id} does not hold`));
      return;
    }
    const svg = await renderMermaid(answer.mermaid);
    $("graph").innerHTML = svg;
    if (fromClick) $("graph").focus();
  } catch (e) {
    $("graph").replaceChildren(el("p", { class: "hint" }, `graph failed: ${e.message}`));
  }
}

function fillWhyNotTargets(rules, conditions) {
  const select = $("why-not-target");
  const current = select.value;
  const group = (label, kind, ids) => el("optgroup", { label }, ...ids.map((id) => el("option", { value: `${kind}:${id}` }, `${kind} ${id}`)));
  select.replaceChildren(group("Conditions", "condition", conditions), group("Rules", "rule", rules));
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

async function whyNot() {
  const [kind, id] = $("why-not-target").value.split(/:(.*)/s);
  if (!id) return;
  const answer = await postJson("/v1/playground/run", request(kind === "rule" ? { whyNotRule: id } : { whyNotCondition: id })).catch((e) => ({ error: e.message }));
  const target = $("why-not");
  if (!answer.whyNot) {
    target.replaceChildren(el("p", { class: "hint" }, answer.error ?? "no answer"));
    return;
  }
  const report = answer.whyNot;
  const header = report.condition
    ? el("p", {}, report.conditionHolds.length ? `${report.condition} holds: ${report.conditionHolds.join(", ")}` : `${report.condition} does not hold; the rules that derive it:`)
    : el("p", {}, `as of ${report.asOf}`);
  target.replaceChildren(header, ...report.rules.map(renderRuleAnalysis));
}

function renderRuleAnalysis(rule) {
  return el("div", { class: "rule" },
    el("strong", {}, rule.rule), ` (line ${rule.location.line}) `, rule.fired ? "fired" : "did not fire",
    el("ol", {}, ...rule.elements.map((element, index) => el("li", {},
      el("span", { class: element.outcome }, element.outcome), " ", el("code", {}, element.summary),
      ` — ${element.matchesBefore} → ${element.matchesAfter}`,
      index === rule.firstFailing ? el("span", { class: "failed" }, "  ← first failing element") : "",
      element.note ? el("div", { class: "hint" }, element.note) : "",
      element.closest.length ? el("ul", {}, ...element.closest.map((c) => el("li", {},
        `${c.type} ${c.key}: ${c.satisfied}/${c.total} conjuncts`,
        ...c.conjuncts.map((k) => el("div", {}, el("code", {}, k.text), ` is ${k.result} (${k.values})`))))) : ""))));
}

async function loadSamples() {
  const response = await fetch("/v1/playground/samples");
  state.samples = await response.json();
  const short = (name) => name.replace(/^SecurityGuarantees\.Rules\./, "").split("/").pop();
  const group = (label, kind) => el("optgroup", { label },
    ...state.samples.filter((s) => s.kind === kind).map((s) => el("option", { value: `${kind}:${s.name}` }, short(s.name))));
  $("samples").replaceChildren(el("option", { value: "" }, "rule file or scenario…"), group("Rule files", "rules"), group("Scenarios (2025)", "scenario"));
  $("samples").addEventListener("change", () => {
    const [kind, name] = $("samples").value.split(/:(.*)/s);
    const sample = state.samples.find((s) => s.kind === kind && s.name === name);
    if (sample) load(sample);
    $("samples").value = "";
  });
  const rules = state.samples.find((s) => s.kind === "rules" && /ceasefire\.ya?ml$/.test(s.name)) ?? state.samples.find((s) => s.kind === "rules");
  const scenario = state.samples.find((s) => s.kind === "scenario" && s.name.includes("paris-e5")) ?? state.samples.find((s) => s.kind === "scenario");
  if (rules) load(rules);
  if (scenario) load(scenario);
}

function load(sample) {
  if (sample.kind === "rules") {
    state.rulesFile = sample.name;
    state.rulesOriginal = sample.text;
    $("rules-file").textContent = sample.name.replace(/^SecurityGuarantees\.Rules\./, "");
    setText(rulesEditor, sample.text);
  } else {
    state.graph = null;
    $("graph").replaceChildren(el("p", { class: "hint" }, 'Choose "Graph" on a condition.'));
    setText(scenarioEditor, sample.text);
  }
}

$("run").addEventListener("click", evaluate);
$("why-not-run").addEventListener("click", whyNot);
$("as-of").addEventListener("change", evaluate);
window.playground = { rulesEditor, scenarioEditor, evaluate };
loadSamples().catch((e) => setStatus(`cannot load the examples: ${e.message}`, true));
