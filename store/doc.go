// Package store keeps the graph in an embedded Badger database: articles,
// actors, events with their evidence, the indexes that answer queries, and
// per-(source, relation, target) summaries kept up to date on every write.
//
// Data enters as one Extraction per article (the unit of a transaction) and
// leaves as graph values: actors, events, summaries, graph.Graph views
// built from the summaries for queries and exports, and the whole graph as
// a graph.Source whose summaries are read from disk on each pass, for the
// export of a store too big to hold in memory. The Store interface is what
// the commands use; storetest is the conformance suite any backend passes.
package store
