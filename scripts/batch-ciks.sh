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
# CIKs run one after another, never in parallel: the SEC's 10 requests/second is per user, and each edgar-extract
# process paces only itself. A one-second pause between CIKs keeps the seam between two processes under the cap.
# Resumable: rerun the same command after Ctrl-C or a crash; stored filings are skipped, cached ones not refetched.
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

mapfile -t ciks < <(sed -e 's/#.*//' "$ciks_file" | awk 'NF { print $1 }')
total=${#ciks[@]}
failed=()
n=0
for cik in "${ciks[@]}"; do
  n=$((n + 1))
  echo "== [$n/$total] CIK $cik" >&2
  "${cmd[@]}" cik "$cik" --forms "$forms" --db "$db" "${extra[@]}"
  status=$?
  case $status in
    0) ;;
    130) echo "batch-ciks: interrupted at CIK $cik; rerun the same command to resume." >&2; exit 130 ;;
    2) echo "batch-ciks: usage error at CIK $cik (see above); stopping." >&2; exit 2 ;;
    *) failed+=("$cik (exit $status)") ;;
  esac
  [[ $n -lt $total ]] && sleep 1
done

echo "batch-ciks: $((total - ${#failed[@]})) of $total CIKs done into $db" >&2
if [[ ${#failed[@]} -gt 0 ]]; then
  printf 'batch-ciks: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
