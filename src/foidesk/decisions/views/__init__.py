"""Staff pages for drafting, checking and signing off responses: one module per page."""
