// Package render turns roadmap results into output: styled tables for a
// terminal, plain text for a pipe, Markdown, CSV, JSON, HTML pages, iCalendar
// files, SARIF, GitLab Code Quality and GitHub workflow annotations. It never
// reads files or git: everything it shows is handed to it.
package render
