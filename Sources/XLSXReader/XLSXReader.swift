// The streaming XLSX reader.
