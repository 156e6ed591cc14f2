// KPI records and their normalisation rules; filled in by the extract issue.
