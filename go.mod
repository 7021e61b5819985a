module github.com/diplograph/diplograph

go 1.26.0

require (
	github.com/mattn/go-isatty v0.0.24
	github.com/spf13/cobra v1.10.2
	golang.org/x/text v0.44.0
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	golang.org/x/sys v0.46.0 // indirect
)
