"""Demo data: a police force's FOI office as it looks on the day the demo is opened."""
