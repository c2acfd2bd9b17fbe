#!/usr/bin/env bash
# Opens a workbook written by `assort plan` in LibreOffice Calc (headless, every sheet saved as CSV) and checks
# what LibreOffice reads: the 'Assort plan' sheet holds the plan assort printed, and every other sheet reads
# exactly as in the input workbook. Excel is not available here; LibreOffice is the independent reader.
# Not part of `npm test` (LibreOffice is a large install):
#
#   apt-get install -y libreoffice-calc-nogui   # Debian / Ubuntu
#   bash scripts/check-libreoffice.sh [book.xlsx]   # default examples/fashion.xlsx
set -euo pipefail
cd "$(dirname "$0")/.."
book="${1:-examples/fashion.xlsx}"
if ! command -v soffice >/dev/null; then
  echo "LibreOffice (soffice) is not installed; on Debian or Ubuntu: apt-get install -y libreoffice-calc-nogui" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="$(basename "$book" .xlsx)"

npm run --silent build:cli
node bin/assort.js plan "$book" --out "$work/$name.planned.xlsx" --json > "$work/plan.json"

# CSV filter options: comma, double quotes, UTF-8, from line 1, raw values (not as shown); the last token,
# -1, writes every sheet to its own file (LibreOffice 7.2 and later).
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
convert() {
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to "$filter" --outdir "$2" "$1" > "$work/soffice.log" 2>&1 \
    || { cat "$work/soffice.log" >&2; exit 1; }
}
convert "$work/$name.planned.xlsx" "$work/planned"
convert "$book" "$work/original"

echo "$(soffice --version | head -1)"
npx tsx scripts/checkLibreOfficeCsv.ts "$work/plan.json" "$work/original" "$work/planned" "$name"
