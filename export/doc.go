// Package export writes a graph for the tools that people draw and analyse
// graphs with: GraphML (Gephi, yEd, networkx, igraph, Gephi Lite), GEXF 1.2
// with dynamic edges (Gephi and its timeline), DOT (Graphviz) and JSON (web
// tools).
//
// Data enters as a graph.Source: a *graph.Graph, built by the store for the
// actors and edge summaries of a query, or the store's whole graph, whose
// summaries are read from disk rather than held; and an Options value with
// the graph.Filter that selects the edges. The writers read the summaries
// twice: once to find the nodes and their evidence, which come first in
// every format, once to write the edges. Data leaves as bytes on an
// io.Writer, streamed through a bufio.Writer so that a graph of a million
// edges is never held as one document. Every format carries the same fields: for a node its label
// (canonical name), actor id, kind, country code and the evidence behind its
// kept edges; for an edge one (source, relation, target) summary with the
// relation's CAMEO code, quad class and Goldstein value from the ontology's
// relation table, its evidence count (also as weight), first and last date
// and one example sentence. Colours come from one table per quad class and
// one per actor kind (colors.go), so that every format draws a relation the
// same way. Text that a format cannot carry (characters that XML 1.0
// forbids, invalid UTF-8) is cleaned the same way in every format.
//
// export imports graph and no other diplograph package.
package export
