#!/usr/bin/env bash
# batch-year.sh — every Schedule 13D and 13G of a year into one SQLite database, quarter by quarter, by calling
# `edgar-extract index` per quarter (EDGAR's full-index for finished quarters, its daily index for the one in progress).
# Copy it and edit the defaults to taste.
#
# Usage:   scripts/batch-year.sh YEAR [DB] [-- more `edgar-extract index` options]
# Example: EDGAR_USER_AGENT="Jane Doe jane@example.com" scripts/batch-year.sh 2024 13dg-2024.db
#          scripts/batch-year.sh 2023 13d-2023.db -- --concurrency 2
#
# YEAR:     four digits, 1994 or later.
# DB:       the database every quarter goes into (default ./edgar-YEAR.db).
# FORMS:    environment variable, the form types to keep (default: Schedules 13D and 13G, both eras' names; "all"
#           takes every form).
# EDGAR_EXTRACT: the command to run (default `edgar-extract`; e.g. "node dist/src/cli.js" in a checkout).
#
# Quarters run one after another, never in parallel, a second apart, and a rerun resumes (scripts/batch-lib.sh); each
# quarter already finished costs one index request. Quarters that have not begun yet are not asked for.
# Exit status: 0 all quarters done; 1 some quarter failed (listed at the end, and the batch went on); 2 usage; 130 Ctrl-C.
set -uo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then usage; [[ $# -lt 1 ]] && exit 2 || exit 0; fi
year=$1; shift
if [[ ! "$year" =~ ^[0-9]{4}$ ]] || (( year < 1994 )); then echo "batch-year: YEAR must be four digits, 1994 or later (got $year)" >&2; exit 2; fi
db=./edgar-$year.db
if [[ $# -gt 0 && "$1" != "--" ]]; then db=$1; shift; fi
[[ $# -gt 0 && "$1" == "--" ]] && shift
extra=("$@")

forms=${FORMS:-"SC 13D,SC 13D/A,SC 13G,SC 13G/A,SCHEDULE 13D,SCHEDULE 13D/A,SCHEDULE 13G,SCHEDULE 13G/A"}
read -r -a cmd <<< "${EDGAR_EXTRACT:-edgar-extract}"

if [[ -z "${EDGAR_USER_AGENT:-}" ]]; then
  echo 'batch-year: set EDGAR_USER_AGENT first, e.g. export EDGAR_USER_AGENT="Jane Doe jane@example.com"' >&2
  exit 2
fi

today=$(TZ=America/New_York date +%F)
starts=("$year-01-01" "$year-04-01" "$year-07-01" "$year-10-01")
ends=("$year-03-31" "$year-06-30" "$year-09-30" "$year-12-31")
# Quarters that have not begun yet are not asked for.
quarters=()
for q in 0 1 2 3; do [[ "${starts[$q]}" > "$today" ]] || quarters+=("$year QTR$((q + 1))"); done
if [[ ${#quarters[@]} -eq 0 ]]; then echo "batch-year: $year has not begun yet ($today); nothing to do." >&2; exit 0; fi

# shellcheck source=batch-lib.sh
source "$(dirname "$0")/batch-lib.sh"
run_step() {
  local q=$(( ${1##*QTR} - 1 ))
  "${cmd[@]}" index --since "${starts[$q]}" --until "${ends[$q]}" --forms "$forms" --db "$db" "${extra[@]}"
}
run_batch batch-year "${quarters[@]}"
report_batch batch-year "quarter(s) of $year" "$db"
