package export

import (
	"github.com/diplograph/diplograph/graph"
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Hex returns the colour as #rrggbb.
func (c Color) Hex() string {
	const digits = "0123456789abcdef"
	return string([]byte{'#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15]})
}

// dark reports whether text on the colour reads better in white than in
// black (relative luminance, ITU-R BT.709, below one half).
func (c Color) dark() bool {
	return 0.2126*float64(c.R)+0.7152*float64(c.G)+0.0722*float64(c.B) < 128
}

// quadColors colours edges by CAMEO quad class: cooperation in greens (light
// for verbal, dark for material), conflict in orange (verbal) and red
// (material), affiliations in grey.
var quadColors = map[graph.QuadClass]Color{
	graph.QuadNone:                {150, 150, 150}, // #969696
	graph.QuadVerbalCooperation:   {116, 196, 118}, // #74c476
	graph.QuadMaterialCooperation: {35, 139, 69},   // #238b45
	graph.QuadVerbalConflict:      {253, 141, 60},  // #fd8d3c
	graph.QuadMaterialConflict:    {215, 48, 31},   // #d7301f
}

// kindStyle is how an actor kind is drawn.
type kindStyle struct {
	color Color
	shape string // Graphviz node shape
}

// kindStyles draws nodes by actor kind, in colours apart from the edges' ones.
var kindStyles = map[graph.Kind]kindStyle{
	graph.Country:      {Color{78, 121, 167}, "box"},      // #4e79a7
	graph.Person:       {Color{176, 122, 161}, "ellipse"}, // #b07aa1
	graph.Organization: {Color{118, 183, 178}, "hexagon"}, // #76b7b2
	graph.Bloc:         {Color{237, 201, 72}, "octagon"},  // #edc948
}

// unknownKind draws an actor whose kind is not one of the ontology's.
var unknownKind = kindStyle{Color{186, 176, 172}, "ellipse"}

// relationColors is the colour of each relation of the ontology, read from
// the relation table by its quad class.
var relationColors = func() map[string]Color {
	m := map[string]Color{}
	for _, r := range graph.Relations() {
		m[r.Name] = QuadColor(r.Quad)
	}
	return m
}()

// QuadColor returns the colour of edges of quad class q.
func QuadColor(q graph.QuadClass) Color {
	if c, ok := quadColors[q]; ok {
		return c
	}
	return quadColors[graph.QuadNone]
}

// RelationColor returns the colour of edges of the named relation: its quad
// class's colour; grey for a relation the ontology does not know.
func RelationColor(name string) Color {
	if c, ok := relationColors[name]; ok {
		return c
	}
	return quadColors[graph.QuadNone]
}

// KindColor returns the colour of nodes of kind k.
func KindColor(k graph.Kind) Color { return styleOf(k).color }

func styleOf(k graph.Kind) kindStyle {
	if s, ok := kindStyles[k]; ok {
		return s
	}
	return unknownKind
}
