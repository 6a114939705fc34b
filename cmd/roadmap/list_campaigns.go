package main

import (
	"fmt"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

// listArgs accepts what `roadmap list` lists: features (the default) or
// campaigns.
func (a *app) listArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 1 && args[0] != "features" && args[0] != "campaigns" {
		if err := a.folderGiven(cmd, args[0], "takes features or campaigns"); err != nil {
			return err
		}
	}
	if len(args) > 1 {
		return usageError("list takes one of features or campaigns, not %d arguments: roadmap list [features|campaigns]", len(args))
	}
	if len(args) == 1 && args[0] != "features" && args[0] != "campaigns" {
		return usageError("list takes features or campaigns, not %q%s", args[0], roadmap.Suggestion(args[0], []string{"features", "campaigns"}))
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
	if _, err := a.warnIfBroken(l); err != nil {
		return err
	}
	campaigns := l.SelectCampaigns(filter)
	switch o.format {
	case "json":
		if campaigns == nil {
			campaigns = []*roadmap.Campaign{}
		}
		return render.WriteJSON(a.stdout, "campaigns", "campaigns", campaigns)
	case "csv":
		return render.WriteCSV(a.stdout, render.CampaignSheet(campaigns))
	case "md":
		return render.WriteMarkdownTable(a.stdout, render.CampaignTable(campaigns))
	}
	if len(campaigns) == 0 {
		fmt.Fprintln(a.stderr, "No campaigns match.")
		return nil
	}
	return a.output().WriteTable(a.stdout, render.CampaignTable(campaigns))
}
