"""Health-data storage: standard-library sqlite3 only, no Qt."""
