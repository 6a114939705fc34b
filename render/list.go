package render

import (
	"image/color"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// FeatureTable is the listing people read: one feature a row.
func FeatureTable(fs []*roadmap.Feature) Table {
	t := Table{Columns: []Column{
		{Name: "id"}, {Name: "title", Flex: true, Keep: 24}, {Name: "status", Color: statusColor},
		{Name: "target"}, {Name: "theme", Optional: true}, {Name: "owner", Optional: true}, {Name: "launch", Optional: true},
	}}
	for _, f := range fs {
		t.Rows = append(t.Rows, []string{f.ID, f.Title, string(f.Status), f.Target.String(), f.Theme, f.Owners["product"], f.LaunchSize()})
	}
	return t
}

// FeatureSheet is the listing for spreadsheets: more columns, lists joined by
// semicolons.
func FeatureSheet(fs []*roadmap.Feature) Table {
	cols := []string{"id", "title", "status", "target", "shipped", "theme", "objectives", "product_owner", "marketing_owner", "launch_size", "launch_date", "visibility", "tags", "summary"}
	t := Table{}
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Name: c})
	}
	for _, f := range fs {
		var launchDate string
		if f.Launch != nil {
			launchDate = f.Launch.Date.String()
		}
		t.Rows = append(t.Rows, []string{
			f.ID, f.Title, string(f.Status), f.Target.String(), f.Shipped.String(), f.Theme,
			strings.Join(f.Objectives, ";"), f.Owners["product"], f.Owners["marketing"],
			f.LaunchSize(), launchDate, string(f.Visibility), strings.Join(f.Tags, ";"), f.Summary,
		})
	}
	return t
}

// campaignStatusColor colours a campaign status as the feature status it is
// like: running as in progress, done as shipped, cancelled as dropped.
func campaignStatusColor(s string) color.Color {
	like := map[string]string{"running": "in-progress", "done": "shipped", "cancelled": "dropped"}
	if f, ok := like[s]; ok {
		s = f
	}
	return statusColor(s)
}

// CampaignTable is the campaign listing people read: one campaign a row.
func CampaignTable(cs []*roadmap.Campaign) Table {
	t := Table{Columns: []Column{
		{Name: "id"}, {Name: "title", Flex: true}, {Name: "status", Color: campaignStatusColor},
		{Name: "owner", Optional: true}, {Name: "start", Optional: true}, {Name: "end"}, {Name: "features", Flex: true, Optional: true},
	}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.ID, c.Title, string(c.Status), c.Owner, c.Start.String(), c.End.String(), strings.Join(c.Features, ", ")})
	}
	return t
}

// CampaignSheet is the campaign listing for spreadsheets: every field, lists
// joined by semicolons.
func CampaignSheet(cs []*roadmap.Campaign) Table {
	cols := []string{"id", "title", "status", "owner", "start", "end", "features", "objectives", "channels", "metric", "target", "visibility"}
	t := Table{}
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Name: c})
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
