// Reads a GraphML or GEXF file with graphology's parsers (graphology-graphml
// and graphology-gexf, the readers behind Gephi Lite) and prints the graph
// as graphology's JSON export: {"attributes", "options", "nodes":
// [{"key", "attributes"}], "edges": [{"key", "source", "target",
// "attributes", "undirected"}]}.
//
// Usage: node read.js graphml|gexf FILE
'use strict';

const fs = require('fs');
const Graph = require('graphology');

const [format, file] = process.argv.slice(2);
const parsers = {
  graphml: () => require('graphology-graphml').parse,
  gexf: () => require('graphology-gexf').parse,
};
if (!parsers[format] || !file) {
  process.stderr.write('usage: node read.js graphml|gexf FILE\n');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const graph = parsers[format]()(Graph, text);
process.stdout.write(JSON.stringify(graph.export()));
