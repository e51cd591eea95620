"""The benchmark of scripts/bench.py, in parts: measuring (running a command and metering its
processes), sizes (of sites, pages and search files), browser (search timed in Chromium over a
local web server), workload (the queries and edits), scenarios (one size: corpus, convert, build,
serve, export, profile), baselines (plain Material, Pagefind, hugo), targets and the report.

scripts/bench.py is the command; scripts/ must be on sys.path (it is, for a script run from there)."""
