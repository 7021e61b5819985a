// Package ingest turns article files into events: readers (one per format),
// the sentence splitter, actor resolution over embedded lexicons, relation
// rules, the date resolver, and the scoring of extraction against gold files.
//
// Data enters as files or readers; it leaves as graph.Article values and, per
// article, a Result of actors and events with their evidence. ingest does not
// know about the store: the command line wires the two.
package ingest
