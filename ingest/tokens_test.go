package ingest

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Moscow's invasion of Ukraine.", []string{"Moscow", "'s", "invasion", "of", "Ukraine", "."}},
		{"the U.S. and U.S.S.R. met", []string{"the", "U.S.", "and", "U.S.S.R.", "met"}},
		{"Moscow’s gas", []string{"Moscow", "'s", "gas"}},
		{"Kim Jong-un, Xi-Obama", []string{"Kim", "Jong-un", ",", "Xi-Obama"}},
		{"$190 billion, 3.5 mln, 1,985 tonnes", []string{"$", "190", "billion", ",", "3.5", "mln", ",", "1,985", "tonnes"}},
		{"the countries' ties", []string{"the", "countries", "'s", "ties"}},
		{"N.Korea fired", []string{"N.Korea", "fired"}},
		{"AT&T said", []string{"AT&T", "said"}},
		{"\"core interests\"", []string{"\"", "core", "interests", "\""}},
		{"Li, in turn", []string{"Li", ",", "in", "turn"}},
		{"Jinping.", []string{"Jinping", "."}},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.text)
			if w := strings.ReplaceAll(tt.in[tk.start:tk.end], "’", "'"); w != tk.text && !(tk.text == "'s" && (w == "'" || w == "'s")) {
				t.Errorf("tokenize(%q): token %q at %d:%d is %q in the input", tt.in, tk.text, tk.start, tk.end, w)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Moscow's invasion", "U.S.S.R.", "a'b", "’s", "1,2.3", "x.y.z.", "'", "s'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range tokenize(s) {
			if tk.start < prev || tk.end <= tk.start || tk.end > len(s) {
				t.Fatalf("tokenize(%q): bad offsets %d:%d after %d", s, tk.start, tk.end, prev)
			}
			prev = tk.end
		}
	})
}
