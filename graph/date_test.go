package graph

import (
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"2023-05-24", "2023-05-24", false},
		{"2023-05", "2023-05", false},
		{"2023", "2023", false},
		{"", "", false},
		{"2023-05-24T10:00:00Z", "2023-05-24", false},
		{"2023-02-29", "", true},
		{"2023-13", "", true},
		{"23-05-24", "", true},
		{"May 2023", "", true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if (err != nil) != tt.err || (err == nil && d.String() != tt.want) {
			t.Errorf("ParseDate(%q) = %q, %v, want %q (error %v)", tt.in, d, err, tt.want, tt.err)
		}
	}
}

func TestDateWithin(t *testing.T) {
	d := func(s string) Date { v, _ := ParseDate(s); return v }
	tests := []struct {
		date, since, until string
		want               bool
	}{
		{"2023-05-24", "", "", true},
		{"", "", "", true},
		{"", "2023", "", false},
		{"2023-05-24", "2023-05-01", "2023-05-31", true},
		{"2023-05", "2023-05-20", "", true}, // the month overlaps
		{"2022", "2023-01-01", "", false},
		{"2023-06-01", "", "2023-05", false},
		{"2023-05-31", "", "2023-05", true},
	}
	for _, tt := range tests {
		if got := d(tt.date).Within(d(tt.since), d(tt.until)); got != tt.want {
			t.Errorf("Date(%q).Within(%q, %q) = %v, want %v", tt.date, tt.since, tt.until, got, tt.want)
		}
	}
	if e := MonthDate(2024, time.February).End(); e.String() != "2024-02-29" {
		t.Errorf("MonthDate(2024, 2).End() = %s, want 2024-02-29", e)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-05-24", "2023-05", "2023", "", "2023-02-30", "0000-00-00", "9999-12-31T23:59:59Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v; reparsing %q gives %v, %v", s, d, d.String(), back, err)
		}
	})
}

func TestSlugAndNormName(t *testing.T) {
	tests := []struct{ in, slug, norm string }{
		{"Xi Jinping", "xi-jinping", "xi jinping"},
		{"Zoë Müller", "zoe-muller", "zoe muller"},
		{"the Kremlin", "the-kremlin", "kremlin"},
		{"U.S.", "us", "us"},
		{"People's Republic of China", "peoples-republic-of-china", "peoples republic of china"},
		{"Kim Jong-un", "kim-jong-un", "kim jong un"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.slug {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.slug)
		}
		if got := NormName(tt.in); got != tt.norm {
			t.Errorf("NormName(%q) = %q, want %q", tt.in, got, tt.norm)
		}
	}
	if id := ActorID(Country, "chn"); id != "country/CHN" {
		t.Errorf(`ActorID(Country, "chn") = %q`, id)
	}
	if k, ok := KindOfID("org/nato"); !ok || k != Organization {
		t.Errorf(`KindOfID("org/nato") = %v, %v`, k, ok)
	}
}

func TestEventKeySymmetric(t *testing.T) {
	a := Event{Source: "country/RUS", Target: "country/CHN", Relation: Meet, Modality: Asserted}
	b := Event{Source: "country/CHN", Target: "country/RUS", Relation: Meet, Modality: Asserted}
	if a.Key() != b.Key() || a.ID() != b.ID() {
		t.Error("a symmetric event has two keys")
	}
	c := Event{Source: "country/RUS", Target: "country/UKR", Relation: Attack, Modality: Asserted}
	d := Event{Source: "country/UKR", Target: "country/RUS", Relation: Attack, Modality: Asserted}
	if c.Key() == d.Key() {
		t.Error("a directed event has the key of its reverse")
	}
	if got := a.Canonical(); got.Source != "country/CHN" {
		t.Errorf("Canonical() = %+v, want the ends in id order", got)
	}
}

func TestDateAppendText(t *testing.T) {
	for _, d := range []Date{
		{}, DayDate(2023, 5, 24), DayDate(1, 1, 1), MonthDate(2023, 12), YearDate(999),
		YearDate(-44), YearDate(12345), {Year: -3, Month: 3, Day: 15, Precision: DayPrecision},
	} {
		var want string // fmt's form, which String used to be
		switch d.Precision {
		case DayPrecision:
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		case MonthPrecision:
			want = fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
		case YearPrecision:
			want = fmt.Sprintf("%04d", d.Year)
		}
		got, err := d.AppendText([]byte("x"))
		if err != nil || string(got) != "x"+want || d.String() != want {
			t.Errorf("%#v: AppendText = %q, %v; String = %q; want %q", d, got, err, d.String(), want)
		}
	}
}
