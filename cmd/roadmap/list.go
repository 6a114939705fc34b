package main

import (
	"fmt"
	"strings"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type listOptions struct {
	format                                              string
	statuses, owners, themes, objectives, targets, tags []string
	features                                            []string // campaigns only
}

func (a *app) newListCmd() *cobra.Command {
	var o listOptions
	cmd := &cobra.Command{
		Use:   "list [campaigns]",
		Short: "List features (or campaigns), filtered by status, owner, theme, objective, target or tag",
		Long: `List prints the roadmap's features ordered by target, then id.
'roadmap list campaigns' prints the campaigns (the marketing roadmap) instead,
ordered by start, then end, then id; its filters are --status (planned, running,
done, cancelled), --owner, --objective and --feature (campaigns promoting it).

Filters combine: a feature must pass every filter given (AND); a filter given more
than once, or with comma-separated values, passes any of its values (OR).
--target takes a period and matches features whose target lies inside it, so
--target 2027-Q1 matches 2027-Q1, 2027-02 and 2027-03-15.`,
		Example: `  roadmap list --status planned --status in-progress
  roadmap list --theme trusted-platform --target 2027-H1
  roadmap list --owner ana --format csv > ana.csv
  roadmap list campaigns --status planned,running`,
		Args:      a.listArgs,
		ValidArgs: []string{"features", "campaigns"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && args[0] == "campaigns" {
				return a.runListCampaigns(o)
			}
			if len(o.features) > 0 {
				return usageError("--feature filters campaigns: roadmap list campaigns --feature ID")
			}
			return a.runList(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table, md, csv or json")
	f.StringSliceVar(&o.statuses, "status", nil, "only features with this status (idea, planned, in-progress, shipped, parked, dropped)")
	f.StringSliceVar(&o.owners, "owner", nil, "only features this person owns, in any role")
	f.StringSliceVar(&o.themes, "theme", nil, "only features of this theme")
	f.StringSliceVar(&o.objectives, "objective", nil, "only features serving this objective")
	f.StringSliceVar(&o.targets, "target", nil, "only features whose target lies within this period (2027-Q1, 2027-H2, 2027-03, next, ...)")
	f.StringSliceVar(&o.tags, "tag", nil, "only features with this tag")
	f.StringSliceVar(&o.features, "feature", nil, "only campaigns promoting this feature (with campaigns)")
	return cmd
}

func (a *app) runList(o listOptions) error {
	if err := checkFormat(o.format, "table", "md", "csv", "json"); err != nil {
		return err
	}
	filter, err := roadmap.ParseFilter(o.statuses, o.owners, o.themes, o.objectives, o.targets, o.tags)
	if err != nil {
		return usageError("%v", err)
	}
	l, err := a.load()
	if err != nil {
		return err
	}
	if unknown := filter.Unknown(l.Roadmap); len(unknown) > 0 {
		return usageError("%s", strings.Join(unknown, "; "))
	}
	if filter.Today, err = a.todayDate(); err != nil {
		return err
	}
	if _, err := a.warnIfBroken(l); err != nil {
		return err
	}
	features := l.Select(filter)
	if len(features) == 0 {
		for _, note := range filter.UnknownTags(l.Roadmap) {
			fmt.Fprintf(a.stderr, "roadmap: note: %s\n", note)
		}
	}
	switch o.format {
	case "json":
		if features == nil {
			features = []*roadmap.Feature{}
		}
		return render.WriteJSON(a.stdout, "features", "features", features)
	case "csv":
		return render.WriteCSV(a.stdout, render.FeatureSheet(features))
	case "md":
		return render.WriteMarkdownTable(a.stdout, render.FeatureTable(features))
	}
	if len(features) == 0 {
		fmt.Fprintln(a.stderr, "No features match.")
		return nil
	}
	return a.output().WriteTable(a.stdout, render.FeatureTable(features))
}
