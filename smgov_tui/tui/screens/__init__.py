"""The workbench's screens: one per planning step, the launch screen, welcome and dialogs."""
