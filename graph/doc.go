// Package graph is diplograph's domain: the actors, the relation vocabulary
// (the ONTOLOGY table with CAMEO codes, quad classes and Goldstein values),
// events with their evidence, articles, and an in-memory graph of actors and
// per-pair edge summaries with gonum views and the algorithms that queries
// need (k shortest paths, neighbourhoods, subgraphs).
//
// Data enters as values built by the other packages (ingest produces events,
// store loads summaries into a Graph); it leaves as the same values and as
// gonum graph views. graph imports no other diplograph package.
package graph
