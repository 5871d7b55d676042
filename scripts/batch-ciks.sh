#!/usr/bin/env bash
# batch-ciks.sh — every filing of a list of CIKs into one SQLite database, by calling `edgar-extract cik` per CIK.
# Copy it and edit the defaults to taste.
#
# Usage:   scripts/batch-ciks.sh CIKS_FILE [DB] [-- more `edgar-extract cik` options]
# Example: EDGAR_USER_AGENT="Jane Doe jane@example.com" scripts/batch-ciks.sh ciks.txt 13d.db -- --since 2020-01-01
#
# CIKS_FILE: one CIK per line (padded or not); blank lines, `# comments` and anything after the CIK are ignored,
#            so "320193  Apple Inc." is fine.
# DB:        the database every CIK goes into (default ./edgar.db).
# FORMS:     environment variable, the form types to keep (default: Schedules 13D and 13G, both eras' names).
# EDGAR_EXTRACT: the command to run (default `edgar-extract`; e.g. "node dist/src/cli.js" in a checkout).
#
# CIKs run one after another, never in parallel, a second apart, and a rerun resumes (scripts/batch-lib.sh).
# Exit status: 0 all CIKs done; 1 some CIK failed (listed at the end, and the batch went on); 2 usage; 130 Ctrl-C.
set -uo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then usage; [[ $# -lt 1 ]] && exit 2 || exit 0; fi
ciks_file=$1; shift
db=./edgar.db
if [[ $# -gt 0 && "$1" != "--" ]]; then db=$1; shift; fi
[[ $# -gt 0 && "$1" == "--" ]] && shift
extra=("$@")

forms=${FORMS:-"SC 13D,SC 13D/A,SC 13G,SC 13G/A"}
read -r -a cmd <<< "${EDGAR_EXTRACT:-edgar-extract}"

if [[ ! -r "$ciks_file" ]]; then echo "batch-ciks: cannot read $ciks_file" >&2; exit 2; fi
if [[ -z "${EDGAR_USER_AGENT:-}" ]]; then
  echo 'batch-ciks: set EDGAR_USER_AGENT first, e.g. export EDGAR_USER_AGENT="Jane Doe jane@example.com"' >&2
  exit 2
fi

mapfile -t ciks < <(sed -e 's/#.*//' "$ciks_file" | awk 'NF { print "CIK " $1 }')
# shellcheck source=batch-lib.sh
source "$(dirname "$0")/batch-lib.sh"
run_step() { "${cmd[@]}" cik "${1#CIK }" --forms "$forms" --db "$db" "${extra[@]}"; }
run_batch batch-ciks "${ciks[@]}"
report_batch batch-ciks CIKs "$db"
