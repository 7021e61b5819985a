package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

// The precisions of a date.
const (
	NoDate Precision = iota
	YearPrecision
	MonthPrecision
	DayPrecision
)

// Date is a calendar date known to a year, a month or a day. The zero Date is
// "no date".
type Date struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
}

// DayDate returns the day date y-m-d.
func DayDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day(), DayPrecision}
}

// MonthDate returns the month date y-m.
func MonthDate(y int, m time.Month) Date { return Date{Year: y, Month: m, Precision: MonthPrecision} }

// YearDate returns the year date y.
func YearDate(y int) Date { return Date{Year: y, Precision: YearPrecision} }

// FromTime returns the day date of t.
func FromTime(t time.Time) Date { return DayDate(t.Year(), t.Month(), t.Day()) }

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.Precision == NoDate }

// Time returns the first instant of d (UTC); the zero time for no date.
func (d Date) Time() time.Time {
	switch d.Precision {
	case DayPrecision:
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	case MonthPrecision:
		return time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC)
	case YearPrecision:
		return time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// End returns the last day covered by d, as a day date.
func (d Date) End() Date {
	switch d.Precision {
	case MonthPrecision:
		return FromTime(time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC))
	case YearPrecision:
		return DayDate(d.Year, time.December, 31)
	}
	return d
}

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY; "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b [16]byte
	out, _ := d.AppendText(b[:0])
	return string(out)
}

// AppendText implements encoding.TextAppender: it appends d as String
// formats it (nothing for no date), without going through fmt, for writers
// that format many dates.
func (d Date) AppendText(b []byte) ([]byte, error) {
	pad := func(b []byte, v, width int) []byte {
		if v < 0 { // as fmt's %04d: the sign takes a place of the width
			b = append(b, '-')
			v, width = -v, width-1
		}
		var digits [20]byte
		s := strconv.AppendInt(digits[:0], int64(v), 10)
		for range width - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	switch d.Precision {
	case DayPrecision:
		b = pad(b, d.Year, 4)
		b = pad(append(b, '-'), int(d.Month), 2)
		return pad(append(b, '-'), d.Day, 2), nil
	case MonthPrecision:
		b = pad(b, d.Year, 4)
		return pad(append(b, '-'), int(d.Month), 2), nil
	case YearPrecision:
		return pad(b, d.Year, 4), nil
	}
	return b, nil
}

// Before reports whether d starts before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// ParseDate parses YYYY-MM-DD, YYYY-MM or YYYY (and an RFC 3339 time, whose
// day is kept). The empty string is no date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 10 {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return FromTime(t), nil
		}
		if t, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
			return FromTime(t), nil
		}
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i == 0 && len(p) != 4) || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
		}
		n[i] = v
	}
	switch len(n) {
	case 1:
		return YearDate(n[0]), nil
	case 2:
		if n[1] < 1 || n[1] > 12 {
			return Date{}, fmt.Errorf("bad date %q: month out of range", s)
		}
		return MonthDate(n[0], time.Month(n[1])), nil
	}
	d := DayDate(n[0], time.Month(n[1]), n[2])
	if n[1] < 1 || n[1] > 12 || d.Day != n[2] {
		return Date{}, fmt.Errorf("bad date %q: no such day", s)
	}
	return d, nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Within reports whether d may fall in [since, until] (bounds of no date are
// open). A date of month or year precision is within when its span overlaps.
// No date is within only when both bounds are open.
func (d Date) Within(since, until Date) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	if !since.IsZero() && d.End().Time().Before(since.Time()) {
		return false
	}
	if !until.IsZero() && until.End().Time().Before(d.Time()) {
		return false
	}
	return true
}
