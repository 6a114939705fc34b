package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// SchemaVersion is the version of every JSON document roadmap writes; it
// changes only when a document changes incompatibly (2: the keys of
// prioritize and diff in snake_case, as every other document has them).
const SchemaVersion = 2

// WriteJSON writes data as an envelope {"schemaVersion", "kind", <key>: data},
// indented, HTML characters unescaped, ending in a newline.
func WriteJSON(w io.Writer, kind, key string, data any, extra ...Field) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"schemaVersion\": %d,\n  \"kind\": ", SchemaVersion)
	if err := encode(&b, kind); err != nil {
		return err
	}
	for _, f := range append(extra, Field{key, data}) {
		b.WriteString(",\n  ")
		if err := encode(&b, f.Key); err != nil {
			return err
		}
		b.WriteString(": ")
		if err := encode(&b, f.Value); err != nil {
			return err
		}
	}
	b.WriteString("\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Field is one more key of a JSON envelope.
type Field struct {
	Key   string
	Value any
}

func encode(b *bytes.Buffer, v any) error {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimRight(tmp.Bytes(), "\n"))
	return nil
}
