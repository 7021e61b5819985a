package ingest

// Lexicon holds the actor and cue lexicons (see lexicon.go).
type Lexicon struct{}
