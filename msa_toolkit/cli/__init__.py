"""Command-line front ends: they parse options, call the library API and map errors to exit codes."""
