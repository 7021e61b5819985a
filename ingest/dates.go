package ingest

import (
	"time"

	"github.com/diplograph/diplograph/graph"
)

// This file is the date resolver: it finds the time expressions of a sentence
// (FindTimeExprs) and resolves one against the article date (Resolve).
//
// The set of forms is closed and small, on purpose (see ONTOLOGY.md, "date"):
//
//	explicit     March 21, 2023 · 21 March 2023 · Feb. 26 · Sept 3rd · 2023-05-24
//	month        in March · last March · this March · next March · early/mid-/late/end-March
//	             the February accord · in April and May · January, February and March
//	month+year   March 2023 · in November 1985 · June of this/last/next year
//	year         in 1985 · since 2016 · mid-2016 · early 2017 · late 1986 · end-1986
//	weekday      Wednesday · on Wednesday · last/next/this Monday · late Monday · Tuesday night
//	relative day yesterday · today · tonight · tomorrow (morning…) · this morning · last night
//	week         last/this/next week (earlier/later this week)
//	month        last/this/next month (earlier/later this month)
//	year         last/this/next year (earlier/later this year)
//	ago          two days ago · 3 days ago · a week ago · three months ago · a year ago
//
// Not dates here: "may" and "march" in lower case; "May" without a day, a year
// or a word such as in/last/early before it ("Russia May sanction", "Theresa
// May", "the May government"); a month name alone ("March is cold"); "Good
// Friday", "Black Monday", "the Sunday Times"; weekday and month abbreviations without a day ("Sun Jiwen", "Jan
// Smith"); bare numbers ("1985 tonnes", "1,985", "1985/86" crop years,
// "1985-86" seasons, "1980s"); "recently", "in recent years", seasons, quarters
// and decades; "5/24/2023" (ambiguous order); "on the 26th".
//
// The span of an expression (Start, End, Text) covers the words that change
// its meaning (last, next, this, early, late, mid, end, earlier, later, and a
// following night/morning/afternoon/evening) but not a preposition before it
// (in, on, since, by, from): "in March" has the Text "March".
//
// Resolution decisions, beyond those of ONTOLOGY.md:
//
//   - A bare weekday in a planned event ("will meet on Wednesday") in an
//     article of that weekday is the article day, not a week later: news that
//     plans something for the same weekday a week ahead says "next Wednesday"
//     or gives the date. "next Wednesday" is the first Wednesday strictly after
//     the article day and "last Wednesday" the last one strictly before it.
//   - "this week" and "last week" have no precision of their own: they resolve
//     to the month of that (Monday to Sunday) week when the whole week falls in
//     one month, else to the month of the article. "next week" is the month of
//     the day seven days after the article.
//   - "last night" is the day before the article; "tonight" the article day.
//   - "N weeks ago" is the month of the day 7N days before the article; "N
//     days ago" that day; "N months ago" and "N years ago" that month, year.
//   - "June of this year" is June of the article's year whatever the tense.
//   - "last March" is the latest March strictly before the article's month,
//     for past and planned events alike; "next March" the first one strictly
//     after; "this March" the March of the article's year.
//   - Relative expressions need an article date of enough precision (a day for
//     weekdays, days and weeks; a month for month names and months; a year for
//     years); otherwise they resolve to the zero Date. Absolute ones (with a
//     year) always resolve.

// TimeExpr is a time expression found in a sentence.
type TimeExpr struct {
	Start, End int    // byte offsets in the sentence
	Text       string // as written

	kind    teKind
	year    int
	month   time.Month
	day     int // day of the month; for teRelDay the offset in days
	weekday time.Weekday
	mod     teMod // for months and weekdays: last, this, next or none
	rel     int   // for teWeek, teRelMonth, teRelYear: -1 last, 0 this, +1 next; for teAgo the count
	unit    teKind
}

// teKind is the form of a time expression.
type teKind uint8

const (
	teNone      teKind = iota
	teDay              // year, month, day: absolute
	teMonthYear        // year, month: absolute
	teYear             // year: absolute
	teMonthDay         // month, day without a year
	teMonth            // month name with a modifier
	teWeekday          // weekday
	teRelDay           // yesterday, today, tomorrow: day = offset
	teWeek             // last/this/next week
	teRelMonth         // last/this/next month
	teRelYear          // last/this/next year
	teAgo              // rel units ago; unit is teRelDay, teWeek, teRelMonth or teRelYear
)

// teMod is the modifier of a month or weekday name.
type teMod uint8

const (
	teModNone teMod = iota
	teModLast
	teModThis
	teModNext
	teModOfYear // "June of this year": rel is the year offset
)

// FindTimeExprs returns the time expressions of a sentence, left to right, not
// overlapping. It scans the bytes once, looking only at words that can anchor
// an expression (month and weekday names, yesterday/today/tonight/tomorrow,
// week/month/year, parts of the day, four-digit numbers) and reading their
// neighbours for the rest.
func FindTimeExprs(s string) []TimeExpr {
	var out []TimeExpr
	last := 0 // end of the last expression: nothing may start before it
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case teIsDigit(c):
			j := i + 1
			for j < len(s) && teIsDigit(s[j]) {
				j++
			}
			if j-i == 4 && (i == 0 || !teIsWord(s[i-1])) {
				if e, ok := teYearAt(s, i, j, last); ok {
					out = append(out, e)
					last, i = e.End, e.End
					continue
				}
			}
			i = j
		case teIsLetter(c):
			j := i + 1
			for j < len(s) && teIsWord(s[j]) {
				j++
			}
			if n := j - i; n >= 3 && n <= 9 && (i == 0 || !teIsWord(s[i-1])) {
				if e, ok := teWordAt(s, i, j, last); ok {
					out = append(out, e)
					last, i = e.End, e.End
					continue
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// Resolve returns the date that e denotes, for an article dated article
// (graph.Date of day precision, or zero: then relative expressions resolve to
// the zero Date and absolute ones still resolve), for a past event
// (future=false) or a planned one (future=true: modality intent).
func (e TimeExpr) Resolve(article graph.Date, future bool) graph.Date {
	d := e.resolve(article, future)
	if d.Year < 1 || d.Year > 9999 {
		return graph.Date{} // out of the calendar that graph.Date writes
	}
	return d
}

// resolve is Resolve without the final range check.
func (e TimeExpr) resolve(article graph.Date, future bool) graph.Date {
	switch e.kind {
	case teDay:
		return graph.DayDate(e.year, e.month, e.day)
	case teMonthYear:
		return graph.MonthDate(e.year, e.month)
	case teYear:
		return graph.YearDate(e.year)
	}
	need := graph.DayPrecision
	switch e.kind {
	case teMonth, teRelMonth:
		need = graph.MonthPrecision
		if e.mod == teModOfYear {
			need = graph.YearPrecision
		}
	case teRelYear:
		need = graph.YearPrecision
	case teAgo:
		switch e.unit {
		case teRelMonth:
			need = graph.MonthPrecision
		case teRelYear:
			need = graph.YearPrecision
		}
	case teNone:
		return graph.Date{}
	}
	if article.Precision < need || article.Precision > graph.DayPrecision || !teValidArticle(article) {
		return graph.Date{}
	}
	at := article.Time() // normalised: a Date with odd fields cannot hurt
	ay, am := at.Year(), at.Month()
	switch e.kind {
	case teRelYear:
		return graph.YearDate(ay + e.rel)
	case teRelMonth:
		t := time.Date(ay, am+time.Month(e.rel), 1, 0, 0, 0, 0, time.UTC)
		return graph.MonthDate(t.Year(), t.Month())
	case teMonth:
		y := ay
		switch {
		case e.mod == teModLast:
			if e.month >= am {
				y--
			}
		case e.mod == teModNext:
			if e.month <= am {
				y++
			}
		case e.mod == teModThis:
		case e.mod == teModOfYear:
			y += e.rel
		case future:
			if e.month < am {
				y++
			}
		default:
			if e.month > am {
				y--
			}
		}
		return graph.MonthDate(y, e.month)
	case teRelDay:
		return graph.FromTime(at.AddDate(0, 0, e.day))
	case teWeekday:
		aw := at.Weekday()
		back := (int(aw) - int(e.weekday) + 7) % 7
		fwd := (int(e.weekday) - int(aw) + 7) % 7
		switch {
		case e.mod == teModLast:
			if back == 0 {
				back = 7
			}
			return graph.FromTime(at.AddDate(0, 0, -back))
		case e.mod == teModNext:
			if fwd == 0 {
				fwd = 7
			}
			return graph.FromTime(at.AddDate(0, 0, fwd))
		case future:
			return graph.FromTime(at.AddDate(0, 0, fwd))
		}
		return graph.FromTime(at.AddDate(0, 0, -back))
	case teWeek:
		if e.rel > 0 {
			t := at.AddDate(0, 0, 7)
			return graph.MonthDate(t.Year(), t.Month())
		}
		mon := at.AddDate(0, 0, -((int(at.Weekday())+6)%7)+7*e.rel)
		sun := mon.AddDate(0, 0, 6)
		if mon.Year() == sun.Year() && mon.Month() == sun.Month() {
			return graph.MonthDate(mon.Year(), mon.Month())
		}
		return graph.MonthDate(ay, am)
	case teMonthDay:
		return teMonthDayFrom(at, e.month, e.day, future)
	case teAgo:
		switch e.unit {
		case teRelDay:
			return graph.FromTime(at.AddDate(0, 0, -e.rel))
		case teWeek:
			t := at.AddDate(0, 0, -7*e.rel)
			return graph.MonthDate(t.Year(), t.Month())
		case teRelMonth:
			t := time.Date(ay, am-time.Month(e.rel), 1, 0, 0, 0, 0, time.UTC)
			return graph.MonthDate(t.Year(), t.Month())
		case teRelYear:
			return graph.YearDate(ay - e.rel)
		}
	}
	return graph.Date{}
}

// teValidArticle reports whether the known fields of an article date are a
// date of the calendar.
func teValidArticle(a graph.Date) bool {
	if a.Year < 1 || a.Year > 9999 {
		return false
	}
	switch a.Precision {
	case graph.MonthPrecision:
		return a.Month >= time.January && a.Month <= time.December
	case graph.DayPrecision:
		return teValidDay(a.Year, a.Month, a.Day)
	}
	return true
}

// teMonthDayFrom returns the latest m-d on or before at (past) or the first
// one on or after it (future), skipping years without that day (February 29).
func teMonthDayFrom(at time.Time, m time.Month, d int, future bool) graph.Date {
	step := -1
	if future {
		step = 1
	}
	y := at.Year()
	for range 9 { // a February 29 comes at least every eight years
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && (future && !t.Before(at) || !future && !t.After(at)) {
			return graph.FromTime(t)
		}
		y += step
	}
	return graph.Date{}
}

// teWordAt tries to read an expression anchored on the word s[i:j].
func teWordAt(s string, i, j, last int) (TimeExpr, bool) {
	w := s[i:j]
	c := w[0] | 0x20
	if len(w) >= len(teWords[0]) || c < 'a' || c > 'z' {
		return TimeExpr{}, false
	}
	for _, en := range teWords[c-'a'][len(w)] {
		if !teEqualFold(w, en.text) {
			continue
		}
		if en.capital && !teIsUpper(w[0]) {
			return TimeExpr{}, false
		}
		switch en.class {
		case teClassMonth:
			return teMonthAt(s, i, j, last, time.Month(en.val), en.abbr)
		case teClassWeekday:
			return teWeekdayAt(s, i, j, last, time.Weekday(en.val))
		case teClassRelDay:
			return teRelDayAt(s, i, j, last, en.val)
		case teClassUnit:
			return teUnitAt(s, i, j, last, en.val)
		case teClassPart:
			return tePartAt(s, i, j, last)
		case teClassAgo:
			return teAgoAt(s, i, j, last)
		}
	}
	return TimeExpr{}, false
}

// teMonthWord reports whether w is a capitalised month name or abbreviation.
func teMonthWord(w string) (m time.Month, abbr, ok bool) {
	if len(w) < 3 || len(w) >= len(teWords[0]) || !teIsUpper(w[0]) {
		return 0, false, false
	}
	for _, en := range teWords[(w[0]|0x20)-'a'][len(w)] {
		if en.class == teClassMonth && teEqualFold(w, en.text) {
			return time.Month(en.val), en.abbr, true
		}
	}
	return 0, false, false
}

// weekdayName reports whether w, lower case, names a day of the week.
func weekdayName(w string) bool {
	if w == "" || len(w) >= len(teWords[0]) || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for _, en := range teWords[w[0]-'a'][len(w)] {
		if en.text == w && en.class == teClassWeekday {
			return true
		}
	}
	return false
}

// teMonthAt reads an expression around the month name s[i:j]: "March 21",
// "March 21, 2023", "21 March 2023", "March 2023", "in March", "last March".
func teMonthAt(s string, i, j, last int, m time.Month, abbr bool) (TimeExpr, bool) {
	// "Theresa May 2019", "Jan Smith": a name before May is not a date.
	if m == time.May {
		if a, b, ok := teWordBefore(s, i); ok && a >= last && teIsUpper(s[a]) && teMonthModifier(s[a:b]) == "" {
			return TimeExpr{}, false
		}
	}
	after := j
	if abbr && after < len(s) && s[after] == '.' {
		after++
	}
	start := i
	// "21 March": a day number before the month.
	dayBefore := 0
	if k := teBackSpace(s, i); k < i && k > 0 && teIsDigit(s[k-1]) {
		a := k - 1
		for a > 0 && teIsDigit(s[a-1]) {
			a--
		}
		if k-a <= 2 && a >= last && (a == 0 || teIsSpaceOrOpen(s[a-1])) {
			if d := teAtoi(s[a:k]); d >= 1 && d <= 31 {
				dayBefore, start = d, a
			}
		}
	}
	k := teSkipSpace(s, after)
	if k > after && k < len(s) && teIsDigit(s[k]) {
		n := k
		for n < len(s) && teIsDigit(s[n]) {
			n++
		}
		switch {
		case n-k <= 2 && dayBefore == 0:
			d := teAtoi(s[k:n])
			end := teOrdinalEnd(s, n)
			if d < 1 || d > 31 || end < 0 {
				break
			}
			// ", 2023" or " 2023" after the day.
			if y, yEnd, ok := teYearAfter(s, end, true); ok {
				if !teValidDay(y, m, d) {
					return TimeExpr{}, false
				}
				return teExpr(s, start, yEnd, TimeExpr{kind: teDay, year: y, month: m, day: d}), true
			}
			if end < len(s) && (s[end] == ',' || s[end] == '.') && end+1 < len(s) && teIsDigit(s[end+1]) {
				break // "March 1,500" or "March 3.5": not a day
			}
			if !teValidDay(2000, m, d) { // 2000 is a leap year: February 29 passes
				return TimeExpr{}, false
			}
			return teExpr(s, start, end, TimeExpr{kind: teMonthDay, month: m, day: d}), true
		case n-k == 4:
			y := teAtoi(s[k:n])
			if y < 1900 || y > 2099 || !teYearEnds(s, n) {
				break
			}
			if dayBefore > 0 {
				if !teValidDay(y, m, dayBefore) {
					return TimeExpr{}, false
				}
				return teExpr(s, start, n, TimeExpr{kind: teDay, year: y, month: m, day: dayBefore}), true
			}
			start = teModifierStart(s, i, last)
			return teExpr(s, start, n, TimeExpr{kind: teMonthYear, year: y, month: m}), true
		}
	}
	if dayBefore > 0 {
		if !teValidDay(2000, m, dayBefore) {
			return TimeExpr{}, false
		}
		return teExpr(s, start, j, TimeExpr{kind: teMonthDay, month: m, day: dayBefore}), true
	}
	if abbr {
		return TimeExpr{}, false // "Jan Smith", "Mar del Plata"
	}
	// A month name alone needs a word before it: in, last, early, mid-, the
	// (not "the May government"), or to follow the expression before it ("in
	// April and May", "March, May and June").
	e := TimeExpr{kind: teMonth, month: m}
	start, ok := i, false
	if k := i - 1; k > 0 && s[k] == '-' { // "mid-March", "end-March"
		a := k
		for a > 0 && teIsLetter(s[a-1]) {
			a--
		}
		switch teLower(s[a:k]) {
		case "mid", "end", "early", "late":
			start, ok = a, a >= last
		}
	} else if a, b, found := teWordBefore(s, i); found && a >= last {
		w := s[a:b]
		switch teMonthModifier(w) {
		case "prep":
			ok = true
		case "last":
			e.mod, start, ok = teModLast, a, true
		case "this":
			e.mod, start, ok = teModThis, a, true
		case "next":
			e.mod, start, ok = teModNext, a, true
		case "in-span":
			start, ok = a, true
		default:
			switch teLower(w) {
			case "the":
				ok = m != time.May
			case "and", "or", "to", "through":
				ok = last > 0 && teBackSpace(s, a) == last
			}
		}
	} else if k := teBackSpace(s, i); k > 0 && k-1 == last && last > 0 && s[k-1] == ',' {
		ok = true
	}
	if !ok {
		return TimeExpr{}, false
	}
	// "June of this year", "December of last year".
	end := j
	if a, b := teWordAfter(s, j); b-a == 2 && teLower(s[a:b]) == "of" {
		if c, d := teWordAfter(s, b); c < d {
			rel, known := 0, true
			switch teLower(s[c:d]) {
			case "this":
			case "last":
				rel = -1
			case "next":
				rel = 1
			default:
				known = false
			}
			if g, h := teWordAfter(s, d); known && h-g == 4 && teLower(s[g:h]) == "year" {
				e.mod, e.rel, end = teModOfYear, rel, h
			}
		}
	}
	return teExpr(s, start, end, e), true
}

// teAgoAt reads "two days ago", "a week ago", "three months ago", "a year
// ago", anchored on "ago" at s[i:j].
func teAgoAt(s string, i, j, last int) (TimeExpr, bool) {
	a, b, ok := teWordBefore(s, i)
	if !ok {
		return TimeExpr{}, false
	}
	var unit teKind
	switch teLower(s[a:b]) {
	case "day", "days":
		unit = teRelDay
	case "week", "weeks":
		unit = teWeek
	case "month", "months":
		unit = teRelMonth
	case "year", "years":
		unit = teRelYear
	default:
		return TimeExpr{}, false
	}
	n, start := 0, -1
	k := teBackSpace(s, a)
	if k < a && k > 0 && teIsDigit(s[k-1]) {
		c := k - 1
		for c > 0 && teIsDigit(s[c-1]) {
			c--
		}
		if k-c <= 2 && (c == 0 || teIsSpaceOrOpen(s[c-1])) {
			n, start = teAtoi(s[c:k]), c
		}
	} else if c, d, ok := teWordBefore(s, a); ok {
		n, start = teCounts[teLower(s[c:d])], c
	}
	if n < 1 || start < last {
		return TimeExpr{}, false
	}
	return teExpr(s, start, j, TimeExpr{kind: teAgo, unit: unit, rel: n}), true
}

// teMonthModifier classifies a word that may stand before a month name or a
// year: "prep" for a preposition (outside the span), "last", "this", "next",
// "in-span" for early/late/mid/end, "" for anything else.
func teMonthModifier(w string) string {
	if len(w) < 2 || len(w) > 10 {
		return ""
	}
	switch teLower(w) {
	case "in", "since", "during", "by", "until", "till", "from", "of", "before", "after", "through", "throughout":
		return "prep"
	case "last":
		return "last"
	case "this":
		return "this"
	case "next":
		return "next"
	case "early", "late", "mid", "end":
		return "in-span"
	}
	return ""
}

// teModifierStart returns where an expression anchored at i starts when the
// word before it is an in-span modifier (last, early, mid-...); else i.
func teModifierStart(s string, i, last int) int {
	if k := i - 1; k > 0 && s[k] == '-' {
		a := k
		for a > 0 && teIsLetter(s[a-1]) {
			a--
		}
		switch teLower(s[a:k]) {
		case "mid", "end", "early", "late":
			if a >= last {
				return a
			}
		}
		return i
	}
	if a, b, ok := teWordBefore(s, i); ok && a >= last {
		switch teMonthModifier(s[a:b]) {
		case "last", "this", "next", "in-span":
			return a
		}
	}
	return i
}

// teYearAt reads an expression anchored on the four digits s[i:j]: an ISO
// date "2023-05-24", or a year introduced by in/since/during/early/mid-...
func teYearAt(s string, i, j, last int) (TimeExpr, bool) {
	y := teAtoi(s[i:j])
	// ISO date.
	if j+6 <= len(s) && s[j] == '-' && s[j+3] == '-' && teIsDigit(s[j+1]) && teIsDigit(s[j+2]) &&
		teIsDigit(s[j+4]) && teIsDigit(s[j+5]) && (j+6 == len(s) || !teIsWord(s[j+6])) {
		m, d := teAtoi(s[j+1:j+3]), teAtoi(s[j+4:j+6])
		if m >= 1 && m <= 12 && teValidDay(y, time.Month(m), d) && (i == 0 || s[i-1] != '-' && s[i-1] != '/') {
			return teExpr(s, i, j+6, TimeExpr{kind: teDay, year: y, month: time.Month(m), day: d}), true
		}
		return TimeExpr{}, false
	}
	if y < 1900 || y > 2099 || !teYearEnds(s, j) {
		return TimeExpr{}, false
	}
	if i > 0 && !teIsSpace(s[i-1]) && s[i-1] != '-' {
		return TimeExpr{}, false // "$1985", "1,1985", "(1985"
	}
	start := teModifierStart(s, i, last)
	if i > 0 && s[i-1] == '-' && start == i {
		return TimeExpr{}, false // "1984-1985"
	}
	if a, b, ok := teWordBefore(s, i); start == i || ok && a == start {
		// A year needs a preposition (in 1985) or early/late/mid/end before it.
		if !ok || a < last {
			return TimeExpr{}, false
		}
		switch teMonthModifier(s[a:b]) {
		case "prep":
			start = i
		case "in-span":
		default:
			return TimeExpr{}, false
		}
	}
	// "by 1985 tonnes", "of 1990 dlrs": a quantity, not a year.
	if a, b := teWordAfter(s, j); a < b && teUnits[teLower(s[a:b])] {
		return TimeExpr{}, false
	}
	return teExpr(s, start, j, TimeExpr{kind: teYear, year: y}), true
}

// teWeekdayAt reads an expression around the weekday s[i:j]: "Wednesday",
// "last Monday", "late Monday", "Tuesday night", "Wednesday, March 21".
func teWeekdayAt(s string, i, j, last int, wd time.Weekday) (TimeExpr, bool) {
	start := i
	e := TimeExpr{kind: teWeekday, weekday: wd}
	if a, b, ok := teWordBefore(s, i); ok && a >= last {
		w := s[a:b]
		if teIsUpper(w[0]) && teHolidays[teLower(w)] {
			return TimeExpr{}, false // "Black Monday", "Good Friday"
		}
		switch teLower(w) {
		case "last":
			e.mod, start = teModLast, a
		case "next":
			e.mod, start = teModNext, a
		case "this":
			e.mod, start = teModThis, a
		case "late", "early":
			start = a
		}
	}
	// "Wednesday, March 21": the date wins and the span covers both.
	k := j
	if k < len(s) && s[k] == ',' {
		k++
	}
	if a, b := teWordAfter(s, k); a < b {
		if teIsUpper(s[a]) && teNewspapers[teLower(s[a:b])] {
			return TimeExpr{}, false // "Sunday Times"
		}
		if m, abbr, ok := teMonthWord(s[a:b]); ok {
			d, ok := teMonthAt(s, a, b, j, m, abbr)
			if ok && d.Start == a && (d.kind == teDay || d.kind == teMonthDay) {
				return teExpr(s, start, d.End, d), true
			}
		}
		switch teLower(s[a:b]) {
		case "night", "morning", "afternoon", "evening":
			if k == j {
				return teExpr(s, start, b, e), true
			}
		}
	}
	return teExpr(s, start, j, e), true
}

// teRelDayAt reads "yesterday", "today", "tonight", "tomorrow", with a
// following part of the day ("yesterday afternoon").
func teRelDayAt(s string, i, j, last, off int) (TimeExpr, bool) {
	e := TimeExpr{kind: teRelDay, day: off}
	start, end := i, j
	if a, b, ok := teWordBefore(s, i); ok && a >= last {
		switch teLower(s[a:b]) {
		case "late", "early":
			start = a
		}
	}
	if a, b := teWordAfter(s, j); a < b {
		switch teLower(s[a:b]) {
		case "night", "morning", "afternoon", "evening":
			end = b
		}
	}
	return teExpr(s, start, end, e), true
}

// teUnitAt reads "last week", "this month", "next year", "earlier this year".
func teUnitAt(s string, i, j, last, unit int) (TimeExpr, bool) {
	a, b, ok := teWordBefore(s, i)
	if !ok || a < last {
		return TimeExpr{}, false
	}
	e := TimeExpr{kind: teKind(unit)}
	switch teLower(s[a:b]) {
	case "last":
		e.rel = -1
	case "this":
		if c, d, ok := teWordBefore(s, a); ok && c >= last {
			switch teLower(s[c:d]) {
			case "earlier", "later":
				a = c
			}
		}
	case "next":
		e.rel = 1
	default:
		return TimeExpr{}, false
	}
	return teExpr(s, a, j, e), true
}

// tePartAt reads "this morning", "this evening", "last night".
func tePartAt(s string, i, j, last int) (TimeExpr, bool) {
	a, b, ok := teWordBefore(s, i)
	if !ok || a < last {
		return TimeExpr{}, false
	}
	switch teLower(s[a:b]) {
	case "this":
		return teExpr(s, a, j, TimeExpr{kind: teRelDay}), true
	case "last":
		return teExpr(s, a, j, TimeExpr{kind: teRelDay, day: -1}), true
	}
	return TimeExpr{}, false
}

// teExpr sets the span of e to s[start:end].
func teExpr(s string, start, end int, e TimeExpr) TimeExpr {
	e.Start, e.End, e.Text = start, end, s[start:end]
	return e
}

// teYearAfter reads a year after a day number ending at i: ", 2023" or
// " 2023". comma allows the comma.
func teYearAfter(s string, i int, comma bool) (y, end int, ok bool) {
	k := i
	if comma && k < len(s) && s[k] == ',' {
		k++
	}
	k2 := teSkipSpace(s, k)
	if k2 == i || k2+4 > len(s) {
		return 0, 0, false
	}
	n := k2
	for n < len(s) && teIsDigit(s[n]) {
		n++
	}
	if n-k2 != 4 {
		return 0, 0, false
	}
	y = teAtoi(s[k2:n])
	if y < 1900 || y > 2099 || !teYearEnds(s, n) {
		return 0, 0, false
	}
	return y, n, true
}

// teYearEnds reports whether four digits ending at n stand alone as a year:
// not "1985/86", "1985-86", "1985.5", "1,9850", "1980s".
func teYearEnds(s string, n int) bool {
	if n == len(s) {
		return true
	}
	switch c := s[n]; {
	case c == '/' || teIsWord(c):
		return false
	case c == '-' || c == ',' || c == '.':
		return n+1 == len(s) || !teIsDigit(s[n+1])
	}
	return true
}

// teOrdinalEnd returns the end of a day number ending at n, past an ordinal
// suffix ("21st"), or -1 when letters or digits stick to it.
func teOrdinalEnd(s string, n int) int {
	if n+2 <= len(s) {
		switch teLower(s[n : n+2]) {
		case "st", "nd", "rd", "th":
			if n+2 == len(s) || !teIsWord(s[n+2]) {
				return n + 2
			}
		}
	}
	if n < len(s) && teIsWord(s[n]) {
		return -1
	}
	return n
}

// teValidDay reports whether y-m-d is a day of the calendar.
func teValidDay(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// teWordBefore returns the word that ends, after spaces only, at i.
func teWordBefore(s string, i int) (a, b int, ok bool) {
	b = teBackSpace(s, i)
	if b == i {
		return 0, 0, false
	}
	a = b
	for a > 0 && teIsLetter(s[a-1]) {
		a--
	}
	return a, b, a < b && (a == 0 || !teIsWord(s[a-1]))
}

// teWordAfter returns the word that starts, after spaces only, at i; a == b
// when there is none.
func teWordAfter(s string, i int) (a, b int) {
	a = teSkipSpace(s, i)
	if a == i {
		return i, i
	}
	b = a
	for b < len(s) && teIsLetter(s[b]) {
		b++
	}
	if b < len(s) && teIsWord(s[b]) {
		return a, a // "Sun2", "mid-"
	}
	return a, b
}

func teSkipSpace(s string, i int) int {
	for i < len(s) && teIsSpace(s[i]) {
		i++
	}
	return i
}

func teBackSpace(s string, i int) int {
	for i > 0 && teIsSpace(s[i-1]) {
		i--
	}
	return i
}

func teIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func teIsSpaceOrOpen(c byte) bool { return teIsSpace(c) || c == '(' || c == '[' || c == '"' }

func teIsDigit(c byte) bool { return teByteClass[c] == teDigit }

func teIsUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// teIsLetter reports whether c is an ASCII letter or part of a non-ASCII
// rune, so that "Suné" is one word and never "Sun".
func teIsLetter(c byte) bool { return teByteClass[c] == teLetter }

func teIsWord(c byte) bool { return teByteClass[c] != 0 }

// The byte classes of the scan.
const (
	teLetter = 1 + iota
	teDigit
)

// teByteClass maps a byte to teLetter (an ASCII letter or a byte of a
// non-ASCII rune), teDigit, or 0.
var teByteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= '0' && c <= '9':
			t[c] = teDigit
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
			t[c] = teLetter
		}
	}
	return t
}()

// teAtoi converts a short run of ASCII digits.
func teAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// teEqualFold compares w with the lower-case ASCII word lower, ignoring case.
func teEqualFold(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if teIsUpper(c) {
			c |= 0x20
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// teLower lower-cases a short ASCII word; it allocates only when w has an
// upper-case letter.
func teLower(w string) string {
	for i := 0; i < len(w); i++ {
		if teIsUpper(w[i]) {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if teIsUpper(b[j]) {
					b[j] |= 0x20
				}
			}
			return string(b)
		}
	}
	return w
}

// The classes of anchor words.
const (
	teClassMonth = iota + 1
	teClassWeekday
	teClassRelDay
	teClassUnit
	teClassPart
	teClassAgo
)

// teWord is an anchor word: its lower-case text, class and value.
type teWord struct {
	text    string
	class   int
	val     int
	capital bool // must start with a capital letter
	abbr    bool // an abbreviated month: needs a day or a year
}

// teWords holds the anchor words by first letter and length, so that the scan
// compares a word with at most a few candidates.
var teWords = func() (t [26][10][]teWord) {
	add := func(w teWord) { t[w.text[0]-'a'][len(w.text)] = append(t[w.text[0]-'a'][len(w.text)], w) }
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		add(teWord{text: m, class: teClassMonth, val: i + 1, capital: true})
		if len(m) > 3 && m != "june" && m != "july" {
			add(teWord{text: m[:3], class: teClassMonth, val: i + 1, capital: true, abbr: true})
		}
	}
	add(teWord{text: "jun", class: teClassMonth, val: 6, capital: true, abbr: true})
	add(teWord{text: "jul", class: teClassMonth, val: 7, capital: true, abbr: true})
	add(teWord{text: "sept", class: teClassMonth, val: 9, capital: true, abbr: true})
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := d.String()
		add(teWord{text: teLower(name), class: teClassWeekday, val: int(d), capital: true})
	}
	add(teWord{text: "yesterday", class: teClassRelDay, val: -1})
	add(teWord{text: "today", class: teClassRelDay, val: 0})
	add(teWord{text: "tonight", class: teClassRelDay, val: 0})
	add(teWord{text: "tomorrow", class: teClassRelDay, val: 1})
	add(teWord{text: "week", class: teClassUnit, val: int(teWeek)})
	add(teWord{text: "month", class: teClassUnit, val: int(teRelMonth)})
	add(teWord{text: "year", class: teClassUnit, val: int(teRelYear)})
	add(teWord{text: "ago", class: teClassAgo})
	for _, p := range []string{"morning", "afternoon", "evening", "night"} {
		add(teWord{text: p, class: teClassPart})
	}
	return t
}()

// teCounts are the number words before "days ago".
var teCounts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// teHolidays are capitalised words that make a weekday a name, not a date.
var teHolidays = map[string]bool{
	"good": true, "black": true, "ash": true, "holy": true, "palm": true, "easter": true,
	"maundy": true, "bloody": true, "super": true, "cyber": true, "shrove": true,
}

// teNewspapers are words after a weekday that make it a title.
var teNewspapers = map[string]bool{
	"times": true, "telegraph": true, "mail": true, "express": true, "herald": true,
	"post": true, "mirror": true, "star": true, "tribune": true, "independent": true,
	"observer": true, "sport": true, "people": true,
}

// teUnits are words after a number that make it a quantity, not a year.
var teUnits = map[string]bool{
	"tonnes": true, "tonne": true, "tons": true, "ton": true, "dlrs": true, "dollars": true,
	"mln": true, "billion": true, "bln": true, "million": true, "pct": true, "percent": true,
	"barrels": true, "bpd": true, "bags": true, "bales": true, "shares": true, "points": true,
	"marks": true, "yen": true, "francs": true, "pounds": true, "ounces": true, "hectares": true,
	"acres": true, "kilos": true, "people": true, "troops": true, "soldiers": true, "miles": true,
	"km": true, "kilometres": true, "kilometers": true, "metres": true, "meters": true, "feet": true,
	"units": true, "cars": true, "vehicles": true, "jobs": true, "workers": true, "employees": true,
	"votes": true, "seats": true, "cents": true, "stg": true, "lire": true, "crowns": true,
	"rupees": true, "guilders": true, "lots": true, "contracts": true, "head": true, "cattle": true,
}
