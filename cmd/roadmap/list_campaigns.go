package main

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

// listArgs accepts what `roadmap list` lists: features (the default) or
// campaigns.
func listArgs(cmd *cobra.Command, args []string) error {
	if err := cobra.MaximumNArgs(1)(cmd, args); err != nil {
		return err
	}
	if len(args) == 1 && args[0] != "features" && args[0] != "campaigns" {
		return usageError("list takes features or campaigns, not %q", args[0])
	}
	return nil
}

// runListCampaigns lists the campaigns, as runList lists the features.
func (a *app) runListCampaigns(o listOptions) error {
	if err := checkFormat(o.format, "table", "md", "csv", "json"); err != nil {
		return err
	}
	for flag, v := range map[string][]string{"--theme": o.themes, "--target": o.targets, "--tag": o.tags} {
		if len(v) > 0 {
			return usageError("%s filters features, not campaigns; campaigns take --status, --owner, --objective and --feature", flag)
		}
	}
	filter, err := roadmap.ParseCampaignFilter(o.statuses, o.owners, o.objectives, o.features)
	if err != nil {
		return usageError("%v", err)
	}
	l, err := a.load()
	if err != nil {
		return err
	}
	a.warnIfBroken(l.LoadFindings())
	campaigns := l.SelectCampaigns(filter)
	switch o.format {
	case "json":
		if campaigns == nil {
			campaigns = []*roadmap.Campaign{}
		}
		return render.WriteJSON(a.stdout, "campaigns", "campaigns", campaigns)
	case "csv":
		return render.WriteCSV(a.stdout, campaignSheet(campaigns))
	case "md":
		return render.WriteMarkdownTable(a.stdout, campaignTable(campaigns))
	}
	if len(campaigns) == 0 {
		fmt.Fprintln(a.stderr, "No campaigns match.")
		return nil
	}
	return a.output().WriteTable(a.stdout, campaignTable(campaigns))
}

// campaignStatusColor colours a campaign status as the feature status it is
// like: running as in progress, done as shipped, cancelled as dropped.
func campaignStatusColor(s string) color.Color {
	like := map[string]string{"running": "in-progress", "done": "shipped", "cancelled": "dropped"}
	if f, ok := like[s]; ok {
		s = f
	}
	return render.StatusColor(s)
}

// campaignTable is the campaign listing people read: one campaign a row.
func campaignTable(cs []*roadmap.Campaign) render.Table {
	t := render.Table{Columns: []render.Column{
		{Name: "id"}, {Name: "title", Flex: true}, {Name: "status", Color: campaignStatusColor},
		{Name: "owner", Optional: true}, {Name: "start"}, {Name: "end"}, {Name: "features", Flex: true, Optional: true},
	}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.ID, c.Title, string(c.Status), c.Owner, c.Start.String(), c.End.String(), strings.Join(c.Features, ", ")})
	}
	return t
}

// campaignSheet is the campaign listing for spreadsheets: every field, lists
// joined by semicolons.
func campaignSheet(cs []*roadmap.Campaign) render.Table {
	cols := []string{"id", "title", "status", "owner", "start", "end", "features", "objectives", "channels", "metric", "target", "visibility"}
	t := render.Table{}
	for _, c := range cols {
		t.Columns = append(t.Columns, render.Column{Name: c})
	}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{
			c.ID, c.Title, string(c.Status), c.Owner, c.Start.String(), c.End.String(),
			strings.Join(c.Features, ";"), strings.Join(c.Objectives, ";"), strings.Join(c.Channels, ";"),
			c.Metric, c.Goal, string(c.Visibility),
		})
	}
	return t
}
