package main

import (
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

func (a *app) newRulesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every lint rule with its id, default severity and description",
		Long: `Rules lists every lint rule validate runs, with its default severity.

Change a severity, or turn a rule off, in roadmap.yaml:

  lint:
    rules:
      objective-not-smart: error
      stale-target: off`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.refuseAt("rules lists the rules this build of roadmap knows"); err != nil {
				return err
			}
			if err := checkFormat(format, "table", "md", "json"); err != nil {
				return err
			}
			t := render.Table{Columns: []render.Column{{Name: "rule"}, {Name: "severity"}, {Name: "fires when", Flex: true, Wrap: true}}}
			type ruleJSON struct {
				ID       string           `json:"id"`
				Severity roadmap.Severity `json:"severity"`
				Summary  string           `json:"summary"`
			}
			var list []ruleJSON
			for _, r := range roadmap.Rules {
				t.Rows = append(t.Rows, []string{r.ID, string(r.Severity), r.Summary})
				list = append(list, ruleJSON{r.ID, r.Severity, r.Summary})
			}
			switch format {
			case "json":
				return render.WriteJSON(a.stdout, "rules", "rules", list)
			case "md":
				return render.WriteMarkdownTable(a.stdout, t)
			}
			return a.output().WriteTable(a.stdout, t)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, md or json")
	return cmd
}
