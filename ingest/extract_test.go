package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

var (
	testExtractorOnce sync.Once
	testExtractor     *Extractor
	testExtractorErr  error
)

// extractor returns an extractor over the embedded lexicons, built once.
func extractor(t testing.TB) *Extractor {
	t.Helper()
	testExtractorOnce.Do(func() {
		lex, err := DefaultLexicon()
		if err != nil {
			testExtractorErr = err
			return
		}
		testExtractor = NewExtractor(lex)
	})
	if testExtractorErr != nil {
		t.Fatal(testExtractorErr)
	}
	return testExtractor
}

// edges extracts text as an article of the given date and returns its edges
// as "source relation target date modality" lines, sorted.
func edges(t *testing.T, date, text string) []string {
	t.Helper()
	d, err := graph.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	res := extractor(t).Extract(graph.Article{ID: "t", Date: d, Text: text})
	var out []string
	for _, r := range res.Records() {
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", r.Source, r.Relation, r.Target, r.Date, r.Modality)))
	}
	sort.Strings(out)
	return out
}

// has reports whether list holds an edge that starts with want; for a
// symmetric relation the two ends may stand either way round.
func has(list []string, want string) bool {
	alts := []string{want}
	for _, r := range graph.Relations() {
		if !r.Symmetric {
			continue
		}
		if i := strings.Index(want, " "+r.Name+" "); i >= 0 {
			src, rest := want[:i], want[i+len(r.Name)+2:]
			// rest is "target [date [modality]]": targets are names of up to
			// four words, so try each split
			words := strings.Fields(rest)
			for n := 1; n <= len(words); n++ {
				tgt, tail := strings.Join(words[:n], " "), strings.Join(words[n:], " ")
				alts = append(alts, strings.TrimSpace(tgt+" "+r.Name+" "+src+" "+tail))
			}
		}
	}
	for _, l := range list {
		for _, w := range alts {
			if l == w || strings.HasPrefix(l, w+" ") {
				return true
			}
		}
	}
	return false
}

// TestExtractConstructions checks, sentence by sentence, the constructions
// that news uses for each kind of mention and relation. "want" edges must be
// found (a prefix of "source relation target date modality" suffices);
// "not" edges must not.
func TestExtractConstructions(t *testing.T) {
	tests := []struct {
		name, date, text string
		want, not        []string
	}{
		{"titled persons and affiliations", "2023-05-24",
			"Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin on Wednesday.",
			[]string{"Xi Jinping leads China", "Mikhail Mishustin leads Russia", "Mikhail Mishustin meet Xi Jinping 2023-05-24 asserted"}, nil},
		{"possessive country before a title", "1987-03-05",
			"Japan's Foreign Minister Tadashi Kuranari said on Tuesday that Tokyo would open its markets.",
			[]string{"Tadashi Kuranari official_of Japan"}, nil},
		{"post-nominal of Country", "2016-09-06",
			"President Park Geun-hye of South Korea met with President Xi Jinping of China on Monday.",
			[]string{"Park Geun-hye leads South Korea", "Xi Jinping leads China", "Park Geun-hye meet Xi Jinping 2016-09-05"}, nil},
		{"apposition with an organization", "2023-05-24",
			"Ryan Hass, a senior fellow at Washington's Brookings Institution, told AFP the ties were strong.",
			[]string{"Ryan Hass affiliated_with Brookings Institution"}, []string{"Ryan Hass affiliated_with United States"}},
		{"apposition with a demonym", "2014-11-12",
			"Ben Rhodes, a US deputy national security adviser, said the talks were useful.",
			[]string{"Ben Rhodes official_of United States"}, nil},
		{"former roles give no affiliation", "2020-01-10",
			"Former Foreign Minister Jan Novak of Slovakia criticized Hungary on Monday.",
			nil, []string{"Jan Novak official_of Slovakia"}},
		{"surname refers back", "2023-05-24",
			"Russian Prime Minister Mikhail Mishustin arrived on Tuesday. Mishustin also met with Premier Li Qiang on Wednesday.",
			[]string{"Mikhail Mishustin meet Li Qiang 2023-05-24", "Li Qiang leads China"}, nil},
		{"family name first refers back", "2014-11-12",
			"Chinese President Xi Jinping spoke first. Xi hosted a dinner for Barack Obama on Tuesday.",
			[]string{"Xi Jinping host Barack Obama 2014-11-11"}, nil},
		{"pronoun subject refers to the last person", "2021-11-17",
			"U.S. President Joe Biden spoke on Monday. He criticized North Korea on Tuesday.",
			[]string{"Joe Biden criticize North Korea 2021-11-16"}, nil},
		{"title alone refers to its holder", "2023-05-24",
			"Chinese Premier Li Qiang opened the forum. The Premier praised Russia on Wednesday.",
			[]string{"Li Qiang praise Russia"}, nil},
		{"the two countries", "2023-05-24",
			"China and Russia held talks. Russia and China are close. Ministers from the two countries signed a series of agreements on Wednesday.",
			[]string{"China sign_agreement Russia 2023-05-24"}, nil},
		{"capital as metonym", "2017-12-29",
			"Beijing criticized Washington on Friday.",
			[]string{"China criticize United States 2017-12-29"}, nil},
		{"capital as a place is no actor", "2023-03-22",
			"Xi Jinping visited Russia and met Vladimir Putin at a summit in Moscow on Tuesday.",
			[]string{"Xi Jinping visit Russia 2023-03-21", "Vladimir Putin meet Xi Jinping 2023-03-21"}, []string{"Xi Jinping meet Russia"}},
		{"historical states by date", "1987-03-10",
			"Moscow criticized Bonn on Monday.",
			[]string{"Soviet Union criticize West Germany 1987-03-09"}, nil},
		{"active voice", "2019-03-14",
			"The European Union imposed new sanctions on Venezuela on Monday.",
			[]string{"European Union sanction Venezuela 2019-03-11"}, nil},
		{"passive voice", "2019-03-14",
			"Venezuela was sanctioned by the United States last month.",
			[]string{"United States sanction Venezuela 2019-02"}, []string{"Venezuela sanction United States"}},
		{"nominal with possessive source", "2023-05-24",
			"Trade grew after Moscow's invasion of Ukraine in February 2022.",
			[]string{"Russia attack Ukraine"}, nil},
		{"nominal with demonym source", "2022-03-02",
			"U.S. sanctions on Iran remain in force.",
			[]string{"United States sanction Iran"}, nil},
		{"trade between", "2023-05-24",
			"Trade between China and Russia reached a record last year.",
			[]string{"China trade Russia 2022"}, nil},
		{"largest trading partner", "2023-05-24",
			"China is Russia's largest trading partner.",
			[]string{"China trade Russia"}, nil},
		{"compound of two actors", "2014-11-12",
			"Barack Obama arrived in Beijing. The Xi-Obama meeting lasted two hours, Chinese President Xi Jinping said.",
			[]string{"Barack Obama meet Xi Jinping"}, nil},
		{"subject carried into at a meeting with", "2023-05-24",
			"Chinese President Xi Jinping offered support at a meeting with Russian Prime Minister Mikhail Mishustin on Wednesday.",
			[]string{"Mikhail Mishustin meet Xi Jinping 2023-05-24"}, nil},
		{"subject carried into a visit to", "2017-01-18",
			"Chinese President Xi Jinping kicked off his four-day visit to Switzerland on Sunday.",
			[]string{"Xi Jinping visit Switzerland 2017-01-15"}, nil},
		{"coordinated subjects of a symmetric relation", "2019-03-14",
			"Japan and Australia signed an agreement on defence cooperation on Wednesday.",
			[]string{"Australia sign_agreement Japan 2019-03-13"}, nil},
		{"coordinated objects", "2019-03-14",
			"Secretary of State Mike Pompeo met Japan's foreign minister and South Korea's foreign minister on Monday.",
			[]string{"Mike Pompeo meet Japan", "Mike Pompeo meet South Korea"}, nil},
		{"reciprocity", "2023-05-24",
			"China and Russia would continue to offer each other firm support.",
			[]string{"China support Russia", "Russia support China"}, nil},
		{"reported speech gives the reported event", "2023-05-24",
			"Xi Jinping said that Vladimir Putin would visit Beijing next month.",
			[]string{"Vladimir Putin visit China 2023-06 intent"}, []string{"Xi Jinping visit China"}},
		{"speech acts are events of the speaker", "2018-03-27",
			"Russian Foreign Minister Sergei Lavrov accused Britain of staging a provocation.",
			[]string{"Sergei Lavrov accuse United Kingdom"}, nil},
		{"intent modality", "2021-11-17",
			"Washington and Beijing will resume trade negotiations next month.",
			[]string{"China negotiate United States 2021-12 intent"}, nil},
		{"negation", "2017-12-29",
			"Beijing denied selling oil to North Korea.",
			[]string{"China trade North Korea  negated"}, []string{"China trade North Korea 2017-12-29 asserted"}},
		{"refused to", "2019-05-02",
			"Japan refused to sign an agreement with South Korea.",
			[]string{"Japan sign_agreement South Korea  negated"}, nil},
		{"co-occurrence is no edge", "2019-05-02",
			"Japan, South Korea and China are in Asia.",
			nil, []string{"Japan meet", "China meet"}},
		{"an invitation's complement is no event", "2023-05-24",
			"Xi invited Russian President Vladimir Putin to visit Beijing.",
			[]string{"Xi Jinping invite Vladimir Putin"}, []string{"Vladimir Putin visit China"}},
		{"news agencies are no party", "2017-08-30",
			"Reuters criticized North Korea's missile launch.",
			nil, []string{"Reuters criticize North Korea"}},
		{"government bodies stand for the state", "2018-01-05",
			"The State Department criticized China on Friday.",
			[]string{"United States criticize China 2018-01-05"}, nil},
		{"unknown date stays empty", "",
			"Beijing criticized Washington on Friday.",
			[]string{"China criticize United States  asserted"}, nil},
		{"lifting sanctions is no sanction", "1987-04-20",
			"President Reagan said he would lift the sanctions against Japan next month.",
			nil, []string{"Ronald Reagan sanction Japan"}},
		{"a trade war is no trade", "1987-04-20",
			"Japan does not want a trade war with the United States, Nakasone said.",
			nil, []string{"Japan trade United States"}},
		{"during talks carries a distant subject", "1987-03-31",
			"British Prime Minister Margaret Thatcher said she and Soviet Premier Nikolai Ryzhkov had set targets for increased trade during talks on Monday.",
			[]string{"Margaret Thatcher meet Nikolai Ryzhkov 1987-03-30"}, nil},
		{"a deeply nested subject is not carried far", "1987-03-05",
			"Britain, the Netherlands and West Germany continue to have strong objections to the tax because of fears that its effects would hurt cooperation.",
			nil, []string{"Netherlands cooperate", "United Kingdom cooperate", "West Germany cooperate"}},
		{"a title names the role of the leaders lexicon", "",
			"President Reagan criticized Libya.",
			[]string{"Ronald Reagan leads United States", "Ronald Reagan criticize Libya"}, nil},
		{"a role long past is no affiliation", "1987-03-24",
			"King Faisal visited Britain in 1967.",
			nil, []string{"Faisal bin Abdulaziz leads Saudi Arabia"}},
		{"state organs act for the state", "2008-08-04",
			"Israeli soldiers fired rubber bullets at Palestinian protesters, and the Azerbaijani parliament threatened Russia.",
			[]string{"Azerbaijan threaten Russia"}, nil},
		{"the agent of a judged act is the target", "2017-09-15",
			"Russia strongly condemned the latest missile launch by North Korea on Friday.",
			[]string{"Russia criticize North Korea 2017-09-15"}, nil},
		{"a news agency in the dateline is no subject", "2017-08-30",
			"SEOUL, Aug 30 (Reuters) - The United Nations condemned North Korea's firing of a ballistic missile.",
			[]string{"United Nations criticize North Korea"}, []string{"Reuters"}},
		{"advice against an act negates it", "2015-03-25",
			"The State Department has advised against travel to Tunisia.",
			[]string{"United States visit Tunisia  negated"}, []string{"United States visit Tunisia  asserted"}},
		{"arms supplied are military aid", "2015-03-25",
			"The United States will supply arms to Israel.",
			[]string{"United States aid Israel 2015-03 intent"}, []string{"Israel trade United States"}},
		{"tariffs fall on the goods' origin", "2018-06-01",
			"U.S. Commerce Secretary Wilbur Ross said on Thursday that U.S. tariffs on steel and aluminum imports from the European Union (EU), Canada and Mexico will take effect from Friday.",
			[]string{"United States sanction European Union 2018-06-01", "United States sanction Canada 2018-06-01", "United States sanction Mexico 2018-06-01"}, nil},
		{"sanctions from an actor come from it", "2018-01-03",
			"North Korea has shrugged off a raft of new sanctions and heightened rhetoric from Washington.",
			nil, []string{"North Korea sanction United States"}},
		{"duties on a country's goods", "1987-04-17",
			"Washington imposed 100 pct duties on Japanese goods on Friday.",
			[]string{"United States sanction Japan 1987-04-17"}, nil},
		{"a pledge's time is the pledge's", "2015-11-02",
			"China and South Korea on Saturday pledged to deepen their pragmatic cooperation.",
			[]string{"China cooperate South Korea 2015-10-31 intent"}, nil},
		{"a cue inside a name is no event", "2015-10-07",
			"China will study the impact of the proposed Transatlantic Trade and Investment Partnership between the United States and the European Union.",
			nil, []string{"United States trade", "European Union trade", "United States cooperate", "European Union cooperate"}},
		{"a trade expert is no trade", "2014-11-12",
			"Zhao Zhongxiu, an international trade expert at the University of International Business and Economics, told the Global Times that China benefits.",
			[]string{"Zhao Zhongxiu affiliated_with University of International Business and Economics"}, []string{"China trade"}},
		{"meetings of councils are no meeting between their heads", "2016-02-07",
			"South Korean President Park Geun-hye and Japanese Prime Minister Shinzo Abe called emergency meetings of their national security councils.",
			nil, []string{"Park Geun-hye meet Shinzo Abe"}},
		{"of Country after a known name", "1987-04-13",
			"Prime Ministers Zhao Ziyang of China and Anibal Cavaco Silva of Portugal signed an agreement to return Macao to Chinese control in 1999.",
			[]string{"Anibal Cavaco Silva sign_agreement Zhao Ziyang 1987-04-13"}, nil},
		{"membership", "2015-04-23",
			"NATO member Turkey objected. China will deepen cooperation with Indonesia and other ASEAN countries. Portugal joined the European Community in 1986.",
			[]string{"Turkey member_of North Atlantic Treaty Organization", "Indonesia member_of Association of Southeast Asian Nations", "Portugal member_of European Community"}, nil},
		{"a verb after ', and' shares the subject", "2018-02-12",
			"Chinese State Councilor Yang Jiechi visited the US from Thursday to Friday, and met US President Donald Trump on Friday.",
			[]string{"Yang Jiechi visit United States", "Donald Trump meet Yang Jiechi 2018-02-09"}, nil},
		{"a subject after a conjunction", "2018-02-12",
			"The situation is improving after North Korea's top leader Kim Jong-un invited South Korean President Moon Jae-in to Pyongyang, Wu said.",
			[]string{"Kim Jong Un invite Moon Jae-in", "Kim Jong Un leads North Korea"}, nil},
		{"a gerund after a qualified noun", "2017-12-28",
			"US spy satellites appear to have captured photos of Chinese ships illegally selling oil to North Korea.",
			[]string{"China trade North Korea"}, []string{"United States trade"}},
		{"lifting sanctions further away", "1987-10-02",
			"The United States may lift an additional 84 mln dlrs in trade sanctions against Japan later this month.",
			nil, []string{"United States sanction Japan"}},
		{"an agreement with a country's banks is none with the country", "1987-03-10",
			"The Imperial Government of China issued bonds in 1911 in an agreement with British, German, French and American banks.",
			nil, []string{"China sign_agreement", "United Kingdom sign_agreement", "United States sign_agreement"}},
		{"trade between persons is between their states", "1987-03-31",
			"British Prime Minister Margaret Thatcher said she and Soviet Premier Nikolai Ryzhkov had set targets for increased trade between the two countries.",
			[]string{"United Kingdom trade Soviet Union"}, []string{"Margaret Thatcher trade"}},
		{"suppliers are no pair", "2017-07-28",
			"China and Russia supply nearly all of North Korea's oil imports.",
			nil, []string{"China trade Russia", "Russia trade China"}},
		{"none of the countries", "2018-07-18",
			"None of the countries within the WTO support the United States' unilateral actions.",
			nil, []string{"World Trade Organization support United States  asserted"}},
		{"disappointment is criticism, quotes or not", "2017-12-28",
			`President Donald Trump said Thursday that he is "very disappointed" in China.`,
			[]string{"Donald Trump criticize China"}, nil},
		{"trading insults is no trade", "2017-11-17",
			"Donald Trump has traded insults and threats with North Korean leader Kim Jong Un.",
			nil, []string{"Donald Trump trade"}},
		{"explicit year", "2016-09-06",
			"China and South Korea signed a free trade agreement in 2015.",
			[]string{"China sign_agreement South Korea 2015"}, nil},
		{"it is the nearest state in subject position", "2001-03-10",
			"Britain said on Saturday it had told Iran that it would cooperate with the United Nations.",
			[]string{"Iran cooperate United Nations"}, []string{"United Kingdom cooperate"}},
		{"a relative clause has its own subject", "2001-03-10",
			"Germany sent aid to Chad, which is preparing a major offensive against Libya.",
			[]string{"Chad attack Libya", "Germany aid Chad"}, []string{"Germany attack Libya"}},
		{"they is the coordination before it", "1987-04-20",
			"Reagan and Nakasone are expected to sign the accord when they meet in Tokyo.",
			[]string{"Ronald Reagan meet Yasuhiro Nakasone"}, nil},
		{"an ethnic group is not the state", "2001-03-10",
			"Serbia launched an offensive against ethnic Albanian fighters.",
			nil, []string{"Serbia attack Albania"}},
		{"a visiting guest is no visit by the host", "2005-06-01",
			"Israeli Prime Minister Ariel Sharon refused to meet Jordan's visiting King Abdullah II.",
			nil, []string{"Ariel Sharon visit"}},
		{"demands from X are X's", "1993-05-01",
			"The Chadian government conceded to demands from Libya on Tuesday.",
			nil, []string{"Chad demand Libya"}},
		{"a noun completing another noun is no act of the subject", "2001-10-01",
			"A judge ordered Carlos Menem to testify in an investigation of arms sales to Croatia.",
			nil, []string{"Carlos Menem military_cooperation", "Croatia military_cooperation"}},
		{"an if clause is no event", "2017-09-19",
			"Trump vowed to destroy North Korea if it attacks Guam.",
			nil, []string{"North Korea attack"}},
		{"opposing sanctions is no sanction", "2017-09-12",
			"China and Russia said they opposed new sanctions on North Korea.",
			nil, []string{"China sanction North Korea", "Russia sanction North Korea"}},
		{"halting aid reduces relations", "1992-06-02",
			"Japan said on Tuesday it had halted economic aid to Burma.",
			[]string{"Japan reduce_relations Myanmar"}, []string{"Japan aid Myanmar"}},
		{"stopping part of an aid program", "1995-06-02",
			"The United States suspended part of its military aid program for Honduras.",
			[]string{"United States reduce_relations Honduras"}, []string{"United States aid Honduras"}},
		{"a visit called off", "1987-06-02",
			"Italy on Monday called off a state visit to Argentina.",
			[]string{"Italy visit Argentina 1987-06-01 negated"}, []string{"Italy visit Argentina 1987-06-01 asserted"}},
		{"cutting prices is no cut in trade", "1987-06-02",
			"Moscow agreed to cut its oil export prices to Finnish refiners.",
			nil, []string{"Soviet Union reduce_relations"}},
		{"to before a verb is no preposition", "1987-06-02",
			"Japan will stop selling chips below cost and try to buy more American cars.",
			nil, []string{"Japan trade United States", "Japan reduce_relations United States"}},
		{"a promise is an intent", "1990-02-01",
			"Britain on Thursday promised to continue military aid to Mozambique.",
			[]string{"United Kingdom aid Mozambique 1990-02-01 intent"}, nil},
		{"coordinated subjects of a noun cue", "1994-03-01",
			"Syria and Jordan resumed negotiations on Tuesday on water rights.",
			[]string{"Syria negotiate Jordan 1994-03-01 asserted"}, nil},
		{"a veto is a rejection", "1988-05-01",
			"The United States and Britain vetoed a Security Council resolution on Namibia.",
			[]string{"United States reject United Nations Security Council", "United Kingdom reject United Nations Security Council"}, nil},
		{"an ultimatum is a threat", "1995-02-01",
			"Peru has issued an ultimatum to Ecuador over the border.",
			[]string{"Peru threaten Ecuador"}, nil},
		{"a protest lodged with a government", "1990-02-01",
			"Greece lodged a formal protest with Turkey over the airspace violations.",
			[]string{"Greece criticize Turkey"}, nil},
		{"establishing diplomatic relations", "1992-02-01",
			"Israel established diplomatic relations with India on Wednesday.",
			[]string{"Israel cooperate India 1992-01-29"}, nil},
		{"recalling an ambassador and suspending air links", "1993-02-01",
			"Greece recalled its ambassador from Albania on Monday. Italy announced a suspension of air links with Yugoslavia.",
			[]string{"Greece reduce_relations Albania", "Italy reduce_relations"}, nil},
		{"a warm welcome to a person", "1990-05-10",
			"Mitterrand gave a warm welcome to F.W. de Klerk on Thursday.",
			[]string{"Francois Mitterrand host F. W. de Klerk"}, nil},
		{"asking a state to act is an appeal, its complement no event", "1987-03-20",
			"King Fahd may ask Britain to restore diplomatic relations with Syria, broken off by London last October.",
			[]string{"Fahd bin Abdulaziz appeal United Kingdom 1987-03 intent"}, []string{"Fahd bin Abdulaziz cooperate", "Syria cooperate"}},
		{"a plan without a time of its own is news of the article's month", "1987-03-20",
			"The Saudi king will hold talks with Prime Minister Margaret Thatcher.",
			[]string{"Fahd bin Abdulaziz meet Margaret Thatcher 1987-03 intent"}, nil},
		{"an obligation in reported speech is a demand", "1999-03-02",
			"Russia said on Tuesday that Sudan must return the helicopter.",
			[]string{"Russia demand Sudan 1999-03-02 asserted"}, nil},
		{"a passive obligation obliges no one named", "1999-03-02",
			"Britain said Iraq must be stopped.",
			nil, []string{"United Kingdom demand Iraq"}},
		{"the speaker is no party to its own obligation", "1987-03-02",
			"South Korea proposed talks with North Korea but said the two countries must first restore trust.",
			nil, []string{"South Korea demand North Korea"}},
		{"a state's rebels are no state", "2001-03-07",
			"The United States will prohibit all aid to Albanian rebels in Macedonia.",
			nil, []string{"United States aid Albania"}},
		{"what must be done is no event of the obliged", "1998-01-10",
			"France issued a reminder to Iraq that it must cooperate with the United Nations.",
			nil, []string{"Iraq cooperate United Nations", "Iraq cooperate"}},
		{"the complement of a demand is the demand's", "2005-04-01",
			"South Korea rejected North Korea's demand to sever its military alliance with Japan.",
			[]string{"South Korea reject North Korea"}, []string{"South Korea reduce_relations Japan", "South Korea cooperate Japan"}},
		{"welcoming a state's decision is praise", "2018-01-03",
			"Seoul on Wednesday welcomed Pyongyang's decision to reopen the hotline.",
			[]string{"South Korea praise North Korea 2018-01-03"}, nil},
		{"welcoming a person is hosting", "2018-01-03",
			"Xi Jinping welcomed Vladimir Putin in Beijing on Wednesday.",
			[]string{"Xi Jinping host Vladimir Putin 2018-01-03"}, []string{"Xi Jinping praise"}},
		{"welcomed by an agent", "1987-03-02",
			"Mexico's economic reforms were welcomed by the World Bank on Monday.",
			nil, []string{"Mexico praise World Bank"}},
		{"a possessive with an actor noun is a subject", "1990-04-10",
			"Poland's parliament has demanded an immediate admission by Moscow.",
			[]string{"Poland demand Soviet Union"}, nil},
		{"demanding a withdrawal", "2008-08-18",
			"France demanded the withdrawal of Russian forces from Georgia on Monday.",
			[]string{"France demand Russia 2008-08-18"}, []string{"France demand Georgia"}},
		{"shelling positions of a state's forces", "2001-05-10",
			"Israeli tanks shelled positions of the Palestinian security forces near Rafah.",
			[]string{"Israel attack Palestine"}, nil},
		{"killing a state's soldiers", "1987-01-12",
			"Iraqi forces killed 200 Iranian soldiers on Monday, Baghdad said.",
			[]string{"Iraq attack Iran 1987-01-12"}, nil},
		{"a place east of a state is no target", "1987-10-19",
			"Four U.S. destroyers attacked the platform 120 miles east of Bahrain.",
			nil, []string{"United States attack Bahrain"}},
		{"wanting a state to act is an appeal", "1987-04-02",
			"Britain wants Japan to open its financial markets.",
			[]string{"United Kingdom appeal Japan"}, nil},
		{"wanting to act is the subject's own plan", "1987-04-02",
			"Brazil wants to increase its steel exports to the United States.",
			[]string{"Brazil trade United States"}, []string{"Brazil appeal"}},
		{"evidence presented against a state is an accusation", "2014-07-20",
			"Evidence against Russia was presented by Ukraine on Sunday.",
			[]string{"Ukraine accuse Russia 2014-07-20"}, nil},
		{"a compound surname with a hyphen is the lexicon's person", "1987-01-05",
			"Congo President Denis Sassou-Nguesso met Kenneth Kaunda on Monday.",
			[]string{"Denis Sassou Nguesso leads Republic of the Congo"}, nil},
		{"trade is between states, not with a person of no state", "2014-09-02",
			"Zhou Shijian, a senior researcher on trade relations at Tsinghua University in Beijing, said talks would go on.",
			nil, []string{"China trade Zhou Shijian"}},
		{"meeting demand is no meeting", "1987-03-02",
			"Britain, France and West Germany want the plans to meet the challenges of the decade.",
			nil, []string{"France meet United Kingdom", "United Kingdom meet France"}},
		{"a country's name in a company's is no subject", "1987-03-02",
			"Japanese, British and U.S. Securities houses have expanded inventories to meet demand.",
			nil, []string{"Japan meet United States", "United Kingdom meet United States"}},
		{"to before a verb cue is no preposition", "1987-04-20",
			"Baker visited him late Friday to urge Congress to act.",
			nil, []string{"James Baker visit United States Congress"}},
		{"a noun phrase after and does not share the subject", "2003-04-01",
			"The Red Cross said US and British forces must protect the roads, and medical supplies must reach the needy.",
			nil, []string{"United Kingdom trade United States", "United States trade United Kingdom"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := edges(t, tt.date, tt.text)
			for _, w := range tt.want {
				if !has(got, w) {
					t.Errorf("Extract(%q) = %q, want an edge %q", tt.text, got, w)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if strings.HasPrefix(g, n) {
						t.Errorf("Extract(%q) = %q, want no edge %q", tt.text, got, n)
					}
				}
			}
		})
	}
}

// TestExtractEvidence checks that every event carries its sentence and the
// sentence's byte offset in the article text.
func TestExtractEvidence(t *testing.T) {
	text := "A first sentence.\n\nChinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin on Wednesday. Xi praised Russia."
	res := extractor(t).Extract(graph.Article{ID: "ev", Date: graph.DayDate(2023, 5, 24), Text: text})
	if len(res.Events) == 0 {
		t.Fatal("Extract found no event")
	}
	for _, e := range res.Events {
		for _, ev := range e.Evidence {
			if ev.Article != "ev" || ev.Offset < 0 || ev.Offset+len(ev.Sentence) > len(text) || text[ev.Offset:ev.Offset+len(ev.Sentence)] != ev.Sentence {
				t.Errorf("event %s %s %s: evidence %+v does not point into the text", e.Source, e.Relation, e.Target, ev)
			}
		}
	}
	ids := map[string]bool{}
	for _, a := range res.Actors {
		ids[a.ID] = true
	}
	for _, e := range res.Events {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("event %s %s %s names an actor missing from Actors", e.Source, e.Relation, e.Target)
		}
	}
}

// TestExtractMergesEvidence checks that one event stated twice is one event
// with two pieces of evidence.
func TestExtractMergesEvidence(t *testing.T) {
	text := "Beijing criticized Washington on Friday. Beijing also criticized Washington on Friday in a statement."
	res := extractor(t).Extract(graph.Article{ID: "m", Date: graph.DayDate(2017, 12, 29), Text: text})
	n := 0
	for _, e := range res.Events {
		if e.Relation == graph.Criticize {
			n++
			if len(e.Evidence) != 2 {
				t.Errorf("criticize has %d pieces of evidence, want 2", len(e.Evidence))
			}
		}
	}
	if n != 1 {
		t.Errorf("Extract found %d criticize events, want 1", n)
	}
}

// repoRoot returns the folder holding go.mod above the test's folder, or
// skips the test when there is none.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// repoFile returns a path relative to the repository root.
func repoFile(tb testing.TB, rel string) string { return filepath.Join(repoRoot(tb), rel) }

// scoreGold extracts every article that a gold file names from dir and
// scores the result.
func scoreGold(t *testing.T, goldPath, dir string) Report {
	t.Helper()
	gold, err := ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	return Score(gold, extractorPredictions(t, dir, gold))
}

// TestGoldRegression scores the extractor on the gold that ships in
// testdata and, when ../shared is beside the repository, on the shared gold
// files; it fails when a score falls under the project's thresholds.
func TestGoldRegression(t *testing.T) {
	tests := []struct {
		gold, corpus       string
		shared             bool
		minF1, minP, minDt float64
	}{
		{"testdata/gold.jsonl", "testdata/articles", false, 0.90, 0.95, 0.90},
		{"../shared/gold/seed.jsonl", "../shared/corpus/seed", true, 0.85, 0.90, 0.80},
		{"../shared/gold/modern-dev.jsonl", "../shared/corpus/modern", true, 0.70, 0.80, 0.80},
		{"../shared/gold/reuters-dev.jsonl", "../shared/corpus/reuters21578", true, 0.70, 0.80, 0.80},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.gold), func(t *testing.T) {
			gold, corpus := repoFile(t, tt.gold), repoFile(t, tt.corpus)
			if _, err := os.Stat(gold); err != nil {
				if tt.shared {
					t.Skipf("%s is absent: %v", tt.gold, err)
				}
				t.Fatal(err)
			}
			r := scoreGold(t, gold, corpus)
			t.Logf("%s: F1=%.3f P=%.3f R=%.3f dates=%.3f", tt.gold, r.F1, r.P, r.R, r.Dates)
			if r.F1 < tt.minF1 || r.P < tt.minP || r.Dates < tt.minDt {
				t.Errorf("%s: F1=%.3f P=%.3f dates=%.3f, want F1 >= %.2f, P >= %.2f, dates >= %.2f", tt.gold, r.F1, r.P, r.Dates, tt.minF1, tt.minP, tt.minDt)
			}
		})
	}
}

// BenchmarkExtractReuters extracts every Reuters-21578 story on one core.
func BenchmarkExtractReuters(b *testing.B) {
	dir := repoFile(b, "../shared/corpus/reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/corpus/reuters21578 is absent")
	}
	var arts []graph.Article
	var size int64
	for _, f := range files {
		as, err := ReadFile(f, ReadOptions{})
		if err != nil {
			continue
		}
		for _, a := range as {
			size += int64(len(a.Text))
		}
		arts = append(arts, as...)
	}
	x := extractor(b)
	b.SetBytes(size)
	b.ReportAllocs()
	events := 0
	for b.Loop() {
		events = 0
		for _, a := range arts {
			events += len(x.Extract(a).Events)
		}
	}
	b.ReportMetric(float64(events), "events")
}

// TestExtractDeterministic extracts the same articles many times: the output
// must not depend on map order.
func TestExtractDeterministic(t *testing.T) {
	text := "The Saudi leader met British Prime Minister Margaret Thatcher on Tuesday. The Israeli leader visited Egypt. " +
		"The two leaders praised each other. The Indian leader and the Japanese leader held talks on Monday."
	first := fmt.Sprint(edges(t, "1987-03-24", text))
	for i := 0; i < 30; i++ {
		if got := fmt.Sprint(edges(t, "1987-03-24", text)); got != first {
			t.Fatalf("run %d: Extract = %s, first run gave %s", i, got, first)
		}
	}
}

// BenchmarkResolveReuters reads (from memory), splits and resolves the
// actors of every Reuters-21578 story on one core: the first half of
// extraction, without the relation rules.
func BenchmarkResolveReuters(b *testing.B) {
	dir := repoFile(b, "../shared/corpus/reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/corpus/reuters21578 is absent")
	}
	type file struct {
		name string
		data []byte
	}
	var all []file
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, file{filepath.Base(f), data})
		size += int64(len(data))
	}
	d := extractor(b).d
	b.SetBytes(size)
	b.ReportAllocs()
	mentions := 0
	for b.Loop() {
		mentions = 0
		for _, f := range all {
			arts, err := Read(f.name, bytes.NewReader(f.data), ReadOptions{})
			if err != nil {
				continue
			}
			for _, a := range arts {
				st := newDocState(d, a.Date)
				for _, s := range Split(a.Text) {
					st.tokBuf = tokenizeInto(st.tokBuf[:0], s.Text)
					toks := st.splitCompounds(st.tokBuf)
					ms, _ := st.mentionsOf(s.Text, toks)
					mentions += len(ms)
				}
				st.release()
			}
		}
	}
	b.ReportMetric(float64(mentions), "mentions")
}

// TestExtractDatelineVisit checks that a visit with no destination in its
// sentence goes to the country whose capital the dateline names.
func TestExtractDatelineVisit(t *testing.T) {
	a := graph.Article{ID: "dl", Date: graph.DayDate(1987, 3, 22), Meta: map[string]string{"dateline": "LONDON, March 22"},
		Text: "King Fahd of Saudi Arabia begins a four-day state visit on Tuesday."}
	var got []string
	for _, r := range extractor(t).Extract(a).Records() {
		got = append(got, r.Source+" "+r.Relation+" "+r.Target+" "+r.Date+" "+r.Modality)
	}
	if !has(got, "Fahd bin Abdulaziz visit United Kingdom 1987-03-24 intent") {
		t.Errorf("Extract(%q, dateline LONDON) = %q, want a visit to the United Kingdom on 1987-03-24", a.Text, got)
	}
	a.Meta = nil
	got = got[:0]
	for _, r := range extractor(t).Extract(a).Records() {
		got = append(got, r.Source+" "+r.Relation+" "+r.Target)
	}
	for _, g := range got {
		if strings.Contains(g, " visit ") {
			t.Errorf("Extract without a dateline = %q, want no visit", got)
		}
	}
}

// FuzzExtract feeds the extractor arbitrary text: it must not panic, must
// give the same records twice, and every record must name a relation of the
// ontology, two different actors and an offset inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin on Wednesday.",
		"Russia said on Tuesday that Sudan must return the helicopter.",
		"Germany sent aid to Chad, which is preparing a major offensive against Libya.",
		"King Fahd may ask Britain to restore diplomatic relations with Syria, broken off by London last October.",
		"Seoul welcomed Pyongyang's decision, and Japan halted aid to Burma if it attacks, they said.",
		"it must , which who they ( ) 's - -- \" must be",
	} {
		f.Add(s)
	}
	ex := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := graph.Article{ID: "f", Date: graph.DayDate(2001, 3, 7), Text: text}
		r1 := ex.Extract(a).Records()
		r2 := ex.Extract(a).Records()
		if fmt.Sprint(r1) != fmt.Sprint(r2) {
			t.Fatalf("Extract(%q) differs between two runs", text)
		}
		for _, r := range r1 {
			if _, ok := graph.LookupRelation(r.Relation); !ok {
				t.Errorf("Extract(%q): unknown relation %q", text, r.Relation)
			}
			if r.SourceID == "" || r.TargetID == "" || r.SourceID == r.TargetID {
				t.Errorf("Extract(%q): edge %s %s %s", text, r.SourceID, r.Relation, r.TargetID)
			}
			if r.Offset < 0 || r.Offset > len(text) {
				t.Errorf("Extract(%q): offset %d out of the text", text, r.Offset)
			}
		}
	})
}
