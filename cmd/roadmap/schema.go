package main

import (
	"encoding/json"

	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

func (a *app) newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of roadmap files, for editors",
		Long: `Schema prints the JSON Schema of a roadmap file. Editors use it to complete keys
and flag mistakes as you type. With the YAML language server (VS Code's YAML
extension, Neovim, Helix), save it and point your files at it:

  roadmap schema > .roadmap.schema.json
  # yaml-language-server: $schema=.roadmap.schema.json   (first line of a file)`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.refuseAt("schema describes the format this build of roadmap reads"); err != nil {
				return err
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(roadmap.Schema())
		},
	}
}
