# batch-lib.sh — the resume loop batch-ciks.sh and batch-year.sh share; sourced by them, not run on its own.
#
# run_batch NAME LABEL...   calls `run_step LABEL` (the caller defines it: one edgar-extract command, its exit status
#                           returned) for each LABEL, one after another with a one-second pause between two: the SEC's
#                           10 requests/second is per user, and each edgar-extract process paces only itself.
#                           Ctrl-C (130) and a usage error (2) stop the batch with that status; any other failure is
#                           kept in `batch_failed` and the batch goes on. Sets `batch_ran` (steps run).
# report_batch NAME WHAT DB prints "NAME: n of m WHAT done into DB", lists the failures, exits 1 if there were any.
# Rerunning the same command resumes: stored filings are skipped, cached ones not refetched.

run_batch() {
  local name=$1 label status
  shift
  batch_failed=()
  batch_ran=0
  for label in "$@"; do
    [[ $batch_ran -gt 0 ]] && sleep 1
    batch_ran=$((batch_ran + 1))
    echo "== [$batch_ran/$#] $label" >&2
    run_step "$label"
    status=$?
    case $status in
      0) ;;
      130) echo "$name: interrupted at $label; rerun the same command to resume." >&2; exit 130 ;;
      2) echo "$name: usage error at $label (see above); stopping." >&2; exit 2 ;;
      *) batch_failed+=("$label (exit $status)") ;;
    esac
  done
}

report_batch() {
  local name=$1 what=$2 db=$3
  echo "$name: $((batch_ran - ${#batch_failed[@]})) of $batch_ran $what done into $db" >&2
  if [[ ${#batch_failed[@]} -gt 0 ]]; then
    printf "$name: failed: %s\n" "${batch_failed[@]}" >&2
    echo "$name: rerun the same command to retry; finished filings are skipped." >&2
    exit 1
  fi
}
