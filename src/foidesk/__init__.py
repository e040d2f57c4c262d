"""foidesk: Freedom of Information requests, from intake to the public disclosure log."""
