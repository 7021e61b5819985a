package ingest

import (
	"strings"
	"sync"

	"github.com/diplograph/diplograph/graph"
)

// mention is an actor named in a sentence: tokens [s, e) denote actor id.
type mention struct {
	s, e    int
	id      string
	kind    graph.Kind
	nk      nameKind
	poss    bool   // followed by a possessive 's
	pair    bool   // "the two countries": denotes the article's pair (id and id2)
	id2     string // the pair's second actor
	pronoun bool   // he / she / it resolved to a person
}

// adjectival reports whether the mention modifies a noun ("Chinese
// officials", "U.S. sanctions") rather than standing as a noun phrase.
func (m mention) adjectival() bool { return m.nk == nkDemonym }

// docPerson is a person met in the article.
type docPerson struct {
	id, name string
	titles   []string // lower-cased titles used for the person
	country  string   // the country id of the person's affiliation, if any
	mentions int
}

// docState is what extraction remembers across the sentences of one article:
// the persons met (for surnames, titles and pronouns), the countries counted
// (for "the two countries"), the actors seen and the affiliations found.
type docState struct {
	d        *dict
	date     graph.Date
	actors   map[string]graph.Actor
	aliases  map[string]map[string]bool // actor id -> names seen
	persons  map[string]*docPerson
	surname  map[string]string // a token that stands for a person -> person id
	byTitle  map[string]string // lower-cased title -> person id (the last holder)
	lastSubj string            // the last person who was the subject of a sentence
	counts   map[string]int    // country id -> mentions
	// affiliations found while resolving a mention that the sentence's
	// caller collects ("the Saudi leader" names King Fahd)
	pendingAffs []affiliation

	placeCountry string // the country whose capital the dateline names

	tokBuf   []token // the token buffer, reused sentence after sentence
	splitBuf []token // the buffer of splitCompounds
	coverBuf []int   // the buffer of a sentence's mention indexes (relationsOf)
	bufs     *[2][]token
}

// tokenBuffers recycles the token buffers of finished articles.
var tokenBuffers = sync.Pool{New: func() any { return &[2][]token{make([]token, 0, 256), make([]token, 0, 256)} }}

// release hands the state's token buffers back for the next article.
func (st *docState) release() {
	if st.bufs != nil {
		st.bufs[0], st.bufs[1] = st.tokBuf[:0], st.splitBuf[:0]
		tokenBuffers.Put(st.bufs)
		st.bufs, st.tokBuf, st.splitBuf = nil, nil, nil
	}
}

func newDocState(d *dict, date graph.Date) *docState {
	bufs := tokenBuffers.Get().(*[2][]token)
	return &docState{
		bufs: bufs, tokBuf: bufs[0], splitBuf: bufs[1],
		d: d, date: date,
		actors:  map[string]graph.Actor{},
		aliases: map[string]map[string]bool{},
		persons: map[string]*docPerson{},
		surname: map[string]string{},
		byTitle: map[string]string{},
		counts:  map[string]int{},
	}
}

// see records that an actor was named as written.
func (st *docState) see(a graph.Actor, written string) {
	if _, ok := st.actors[a.ID]; !ok {
		st.actors[a.ID] = a
	}
	if written != "" && written != a.Name {
		m := st.aliases[a.ID]
		if m == nil {
			m = map[string]bool{}
			st.aliases[a.ID] = m
		}
		m[written] = true
	}
	if a.Kind == graph.Country {
		st.counts[a.ID]++
	}
}

// person registers a person by full name and returns its record.
func (st *docState) person(name string) *docPerson {
	id := graph.ActorID(graph.Person, name)
	p := st.persons[id]
	if p == nil {
		p = &docPerson{id: id, name: name}
		st.persons[id] = p
		st.see(graph.Actor{ID: id, Name: name, Kind: graph.Person}, "")
		toks := strings.Fields(name)
		if len(toks) > 1 {
			st.surname[lastName(toks)] = id
			if firstIsSurname(toks) {
				st.surname[toks[0]] = id
			}
		}
	}
	p.mentions++
	return p
}

// lastName returns the surname of a Western-order name: its last token
// ("Weizsaecker" of "Richard von Weizsaecker").
func lastName(toks []string) string {
	return toks[len(toks)-1]
}

// firstIsSurname reports whether a name puts the family name first (Chinese,
// Korean, Vietnamese names: "Xi Jinping", "Kim Jong Un", "Park Geun-hye").
func firstIsSurname(toks []string) bool {
	return len(toks) >= 2 && len(toks) <= 3 && familyFirst[toks[0]]
}

// familyFirst holds common family names of languages that write the family
// name first; "Li" of "Li Qiang" then refers back to him.
var familyFirst = setOf(`Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Qin Dai Tan Kong Hua Geng Qian Zha Zhuang Mao Bo Jia Yan Meng Shi Fang Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Moon Ri Pak Chun Roh Nguyen Tran Le Pham Hun Ban`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Words that never start or continue a person's name, although capitalised.
var notName = setOf(`The A An This That These Those He She It They We I You His Her Its Their Our My Your
In On At By For From With Without To Of And Or But As If When While After Before Since During Under Over
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mr Mrs Ms Dr President Prime Minister Premier Chancellor King Queen Secretary General Reuters Xinhua
North South East West Western Eastern Northern Southern Central New Old Great United Republic Democratic
Party Government Ministry Council Committee Union Bank Group Foundation Institute University Academy
Association Agency Commission Organization Organisation Congress Parliament Senate House Court Army
Navy Force Forces Company Corporation Inc Corp Co Ltd Plc Day Summit Olympics Games Cup News Times Post Daily
Analysts Officials Sources Some Many Most All Both Each Other Another Such No Not Also However Meanwhile
Still Yet Then Thus Further Also Earlier Later Last Next Today Yesterday Tomorrow According Chinese`)

// nameParticles may stand inside a name in lower case.
var nameParticles = setOf(`von van der de da dos du la le al bin ibn el`)

// isNameToken reports whether a token can be part of a person's name.
func isNameToken(t token) bool {
	if !t.word || !t.cap || notName[t.text] {
		return false
	}
	if len(t.text) > 1 && strings.ToUpper(t.text) == t.text && !strings.ContainsAny(t.text, "-") {
		return false // an acronym, or Reuters' upper case
	}
	return true
}

// nameAt returns the length of a person's name starting at toks[i]: one to
// four name tokens, with particles inside; a country, organization or title
// ends it ("Mishustin China and Russia").
func (st *docState) nameAt(toks []token, i int) int {
	n := 0
	for j := i; j < len(toks) && n < 5; j++ {
		t := toks[j]
		if j > i && st.stopsName(toks, j) {
			break
		}
		if isNameToken(t) {
			n = j - i + 1
			continue
		}
		if n > 0 && nameParticles[t.text] && j+1 < len(toks) && isNameToken(toks[j+1]) {
			continue
		}
		// initials: "George W. Bush"
		if n > 0 && len(t.text) == 2 && t.text[1] == '.' && t.cap && j+1 < len(toks) && isNameToken(toks[j+1]) {
			continue
		}
		break
	}
	return n
}

// stopsName reports whether toks[j] starts a lexicon name that is not a
// person's, or a title: it cannot continue a person's name.
func (st *docState) stopsName(toks []token, j int) bool {
	if _, node := st.d.names.longest(toks, j, keyText); node != nil {
		for _, c := range node.cands {
			if c.actor.Kind == graph.Person {
				return false
			}
		}
		return true
	}
	if _, te := st.titleAt(toks, j); te != nil && toks[j].cap {
		return true
	}
	return false
}

// joinTokens returns the sentence text of toks[s:e].
func joinTokens(sent string, toks []token, s, e int) string {
	if s >= e {
		return ""
	}
	return sent[toks[s].start:toks[e-1].end]
}

// splitCompounds splits hyphenated tokens whose parts name actors ("Xi-Obama",
// "Russia-China", "U.S.-Canadian", "Sino-US") into parts with "-" between, so
// that the matcher sees the actors.
func (st *docState) splitCompounds(toks []token) []token {
	need := false
	for _, t := range toks {
		if t.word && strings.IndexByte(t.text, '-') > 0 {
			need = true
			break
		}
	}
	if !need {
		return toks
	}
	out := st.splitBuf[:0]
	defer func() { st.splitBuf = out }()
	for _, t := range toks {
		if !t.word || !strings.Contains(t.text, "-") || !(t.cap || strings.HasPrefix(t.text, "then-") || strings.HasPrefix(t.text, "ex-")) {
			out = append(out, t)
			continue
		}
		parts := strings.Split(t.text, "-")
		if len(parts) == 2 && (parts[0] == "then" || parts[0] == "ex") {
			// "then-Swiss President", "ex-Soviet": the prefix is its own word
			out = append(out, mkSubToken(parts[0], t.start), token{text: "-", lower: "-", start: t.start + len(parts[0]), end: t.start + len(parts[0]) + 1}, mkSubToken(parts[1], t.start+len(parts[0])+1))
			continue
		}
		ok := len(parts) >= 2
		for _, p := range parts {
			if !st.isActorWord(p) {
				ok = false
				break
			}
		}
		if !ok {
			out = append(out, t)
			continue
		}
		off := t.start
		for k, p := range parts {
			if k > 0 {
				out = append(out, token{text: "-", lower: "-", start: off, end: off + 1})
				off++
			}
			pt := mkToken(p, 0, len(p), true)
			pt.start, pt.end = off, off+len(p)
			out = append(out, pt)
			off += len(p)
		}
	}
	return out
}

// mkSubToken makes a token of part p of a word, starting at byte off.
func mkSubToken(p string, off int) token {
	t := mkToken(p, 0, len(p), true)
	t.start, t.end = off, off+len(p)
	return t
}

// isActorWord reports whether one word names an actor on its own.
func (st *docState) isActorWord(w string) bool {
	if w == "Sino" {
		return true
	}
	if n := st.d.names.next[w]; n != nil && len(n.cands) > 0 {
		return true
	}
	_, ok := st.surname[w]
	return ok
}

// resolveName returns the candidate of a dictionary node valid on the article's date.
func (st *docState) resolve(n *trie) (candidate, bool) { return pick(n.cands, st.date) }

// titleAt matches a role title at toks[i] ("Prime Minister", "senior fellow").
func (st *docState) titleAt(toks []token, i int) (int, *TitleEntry) {
	n, node := st.d.titles.longest(toks, i, keyLower)
	if node == nil || node.title == nil {
		return 0, nil
	}
	// a title is capitalised before a name, or lower-case in appositions
	return n, node.title
}

// orgHeads are the head words of organization names that the lexicon may
// not know ("University of International Business and Economics").
var orgHeads = setOf(`University Institute Institution Academy Center Centre Foundation Council Ministry
Bank Agency Commission Association Organization Organisation Fund Federation Office School Society Forum`)

// orgAt matches a capitalised organization name with a head word at toks[i]:
// "Shanghai Institute for International Studies", "Fudan University".
func orgAt(toks []token, i int) int {
	if !toks[i].cap || !toks[i].word {
		return 0
	}
	end, hasHead := i, false
	for j := i; j < len(toks) && j-i < 10; j++ {
		t := toks[j]
		switch {
		case t.word && t.cap && !notNameFunction[t.text]:
			if orgHeads[t.text] {
				hasHead = true
			}
			end = j + 1
		case (t.lower == "of" || t.lower == "for" || t.lower == "and" || t.lower == "on") && j+1 < len(toks) && toks[j+1].cap && end == j:
			continue
		default:
			j = len(toks)
		}
	}
	if !hasHead || end-i < 2 {
		return 0
	}
	return end - i
}

// notNameFunction are capitalised function words that end an organization name.
var notNameFunction = setOf(`The A An In On At By For From With To Of And Or But As`)

// pronouns that refer back to a person when they are a subject.
var personPronouns = setOf(`he He she She`)
