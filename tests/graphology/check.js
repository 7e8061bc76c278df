#!/usr/bin/env node
/*
 * Loads credgraph's GraphML, GEXF and graphology JSON with the importers Gephi Lite uses
 * (graphology-graphml, graphology-gexf, Graph.from) and checks what they build.
 *
 *   node tests/graphology/check.js DIR
 *
 * DIR holds collab.{graphml,gexf,json} and credits.{graphml,gexf,json} from
 * `credgraph build --formats graphml,gexf,json,...`. For each of the six files:
 *   - the XML is well-formed as far as @xmldom/xmldom (the parsers' DOM in Node) can tell:
 *     a browser's DOMParser, which Gephi Lite uses, is stricter than xmldom's default, so any
 *     xmldom warning or error fails here;
 *   - the importer loads it with its strict defaults (no addMissingNodes, no
 *     allowUndeclaredAttributes: Gephi Lite passes those, and what loads strictly loads the same
 *     with them);
 *   - the graph is undirected and not multi (the importers upgrade to mixed or multi on
 *     directed or parallel edges);
 *   - it has as many nodes and edges as the GraphML has <node> and <edge> elements (counted
 *     with a regex on the GraphML text, independently of any parser);
 *   - every node has a non-blank string `label` and finite numeric `x` and `y`;
 *   - in collab, every edge has a finite numeric `weight` > 0.
 * Then, per graph, the GEXF and the JSON must agree with the GraphML on the node keys, the
 * labels, the edge endpoints (unordered pairs) and the weights (an edge without a weight
 * counts as weight 1, the GEXF and Gephi default: credits writes weight="1" in GEXF only).
 * Prints every failure, then "graphology: N checks, M failed"; exits 1 on any failure.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');
// The very @xmldom/xmldom copy the parsers load (it is their dependency, not ours).
const {DOMParser} = require(require.resolve('@xmldom/xmldom', {
  paths: [path.dirname(require.resolve('graphology-graphml'))]
}));

const GRAPHS = ['collab', 'credits'];
const FORMATS = ['graphml', 'gexf', 'json'];
const SHOW = 5; // offenders listed per failed check

let checks = 0;
let failed = 0;

function check(ok, what) {
  checks++;
  if (!ok) {
    failed++;
    console.log('FAIL: ' + what);
  }
  return ok;
}

function list(items) {
  const shown = items.slice(0, SHOW).join(', ');
  return items.length > SHOW ? shown + ', ... (' + items.length + ' in all)' : shown;
}

function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

// <node> and <edge> elements of a GraphML text: the reference counts, parser-free.
function graphmlCounts(text) {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  return {
    nodes: (body.match(/<node[\s/>]/g) || []).length,
    edges: (body.match(/<edge[\s/>]/g) || []).length
  };
}

// Messages xmldom reports while parsing (it recovers from errors that a browser rejects).
function xmlProblems(text) {
  const problems = [];
  const record = level => msg => problems.push(level + ': ' + String(msg).trim().replace(/\s+/g, ' '));
  try {
    new DOMParser({
      locator: {},
      errorHandler: {warning: record('warning'), error: record('error'), fatalError: record('fatal')}
    }).parseFromString(text, 'application/xml');
  } catch (e) {
    problems.push('fatal: ' + e.message);
  }
  return problems;
}

function load(file, format, text) {
  switch (format) {
    case 'graphml':
      return graphml.parse(Graph, text);
    case 'gexf':
      return gexf.parse(Graph, text);
    case 'json':
      return Graph.from(JSON.parse(text));
  }
  throw new Error('unknown format ' + format);
}

const IMPORTER = {graphml: 'graphology-graphml parse', gexf: 'graphology-gexf parse', json: 'Graph.from'};

function checkOne(name, format, file, text, ref) {
  const what = path.basename(file);
  if (format !== 'json') {
    const problems = xmlProblems(text);
    check(problems.length === 0, what + ': @xmldom/xmldom reports ' + list(problems));
  }
  let g;
  try {
    g = load(file, format, text);
  } catch (e) {
    check(false, what + ': ' + IMPORTER[format] + ' threw: ' + e.message);
    return null;
  }
  check(true, what + ': loads');
  check(g.type === 'undirected', what + ': graph type is "' + g.type + '", expected "undirected"');
  check(g.multi === false, what + ': loaded as a multi graph (parallel edges)');
  if (ref) {
    check(g.order === ref.nodes, what + ': ' + g.order + ' nodes, the GraphML has ' + ref.nodes + ' <node>');
    check(g.size === ref.edges, what + ': ' + g.size + ' edges, the GraphML has ' + ref.edges + ' <edge>');
  }

  const badLabel = [];
  const badXY = [];
  g.forEachNode((key, a) => {
    if (typeof a.label !== 'string' || a.label.trim() === '') badLabel.push(key + ' (label ' + JSON.stringify(a.label) + ')');
    if (!isNum(a.x) || !isNum(a.y)) badXY.push(key + ' (x ' + JSON.stringify(a.x) + ', y ' + JSON.stringify(a.y) + ')');
  });
  check(badLabel.length === 0, what + ': nodes without a non-empty string label: ' + list(badLabel));
  check(badXY.length === 0, what + ': nodes without numeric x and y: ' + list(badXY));

  if (name === 'collab') {
    const badWeight = [];
    g.forEachEdge((key, a, s, t) => {
      if (!isNum(a.weight) || !(a.weight > 0)) badWeight.push(key + ' ' + s + '--' + t + ' (weight ' + JSON.stringify(a.weight) + ')');
    });
    check(badWeight.length === 0, what + ': edges without a numeric weight > 0: ' + list(badWeight));
  }
  return g;
}

// What the formats must agree on: node key -> label, unordered endpoint pair -> weight.
function summary(g) {
  const labels = new Map();
  g.forEachNode((key, a) => labels.set(key, a.label));
  const edges = new Map();
  const dup = [];
  g.forEachEdge((key, a, s, t) => {
    const pair = s < t ? s + ' -- ' + t : t + ' -- ' + s;
    if (edges.has(pair)) dup.push(pair);
    edges.set(pair, a.weight === undefined ? 1 : a.weight);
  });
  return {labels, edges, dup};
}

function sameWeight(a, b) {
  if (!isNum(a) || !isNum(b)) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function compare(name, refFormat, ref, format, other) {
  const what = name + '.' + format + ' vs ' + name + '.' + refFormat;
  const missing = [...ref.labels.keys()].filter(k => !other.labels.has(k));
  const extra = [...other.labels.keys()].filter(k => !ref.labels.has(k));
  check(missing.length === 0, what + ': nodes missing: ' + list(missing));
  check(extra.length === 0, what + ': extra nodes: ' + list(extra));
  const labels = [...ref.labels.keys()]
    .filter(k => other.labels.has(k) && other.labels.get(k) !== ref.labels.get(k))
    .map(k => k + ' (' + JSON.stringify(other.labels.get(k)) + ' vs ' + JSON.stringify(ref.labels.get(k)) + ')');
  check(labels.length === 0, what + ': labels differ: ' + list(labels));

  const emissing = [...ref.edges.keys()].filter(p => !other.edges.has(p));
  const eextra = [...other.edges.keys()].filter(p => !ref.edges.has(p));
  check(emissing.length === 0, what + ': edges missing: ' + list(emissing));
  check(eextra.length === 0, what + ': extra edges: ' + list(eextra));
  check(other.dup.length === 0, what + ': endpoint pairs repeated: ' + list(other.dup));
  const weights = [...ref.edges.keys()]
    .filter(p => other.edges.has(p) && !sameWeight(other.edges.get(p), ref.edges.get(p)))
    .map(p => p + ' (' + other.edges.get(p) + ' vs ' + ref.edges.get(p) + ')');
  check(weights.length === 0, what + ': weights differ: ' + list(weights));
}

function main() {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error('usage: node check.js DIR   (DIR: credgraph build output with graphml, gexf and json)');
    process.exit(2);
  }
  for (const name of GRAPHS) {
    const loaded = {};
    let ref = null;
    for (const format of FORMATS) {
      const file = path.join(dir, name + '.' + format);
      let text;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        check(false, file + ': cannot read: ' + e.message);
        continue;
      }
      if (format === 'graphml') {
        ref = graphmlCounts(text);
        check(ref.nodes > 0, path.basename(file) + ': no <node> element found');
      }
      const g = checkOne(name, format, file, text, ref);
      if (g) loaded[format] = summary(g);
    }
    if (!loaded.graphml) {
      check(false, name + ': no GraphML loaded, the formats cannot be compared');
      continue;
    }
    check(loaded.graphml.dup.length === 0, name + '.graphml: endpoint pairs repeated: ' + list(loaded.graphml.dup));
    for (const format of FORMATS.slice(1)) {
      if (loaded[format]) compare(name, 'graphml', loaded.graphml, format, loaded[format]);
    }
  }
  console.log('graphology: ' + checks + ' checks, ' + failed + ' failed');
  process.exit(failed === 0 ? 0 : 1);
}

main();
