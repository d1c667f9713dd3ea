"""The workbench's widgets: decision editors, the rows editor, the checklist, the step list."""
