#!/usr/bin/env bash
# Renders the top of the plan sheet as LibreOffice shows it, to PNG (docs/plan-sheet.png): plans the book with
# `assort plan` (extra arguments go to it), keeps the first rows and the table's columns, and converts that to
# PDF and then PNG. Not part of `npm test`. Needs LibreOffice and poppler's pdftoppm:
#
#   apt-get install -y libreoffice-calc-nogui poppler-utils
#   bash scripts/render-plan-sheet.sh examples/fashion.xlsx docs/plan-sheet.png --max-products 150
set -euo pipefail
cd "$(dirname "$0")/.."
book="${1:-examples/fashion.xlsx}"
png="${2:-docs/plan-sheet.png}"
shift $(($# < 2 ? $# : 2))
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed: apt-get install -y libreoffice-calc-nogui poppler-utils" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm run --silent build:cli
node bin/assort.js plan "$book" --out "$work/planned.xlsx" "$@" > "$work/plan.txt"
npx tsx scripts/planSheetTop.ts "$work/planned.xlsx" "$work/top.xlsx" 45
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/top.xlsx" > "$work/soffice.log" 2>&1 \
  || { cat "$work/soffice.log" >&2; exit 1; }
# 220 dpi, the page's margin and the empty lower part cut off.
pdftoppm -r 220 -png -singlefile -x 30 -y 30 -W 2390 -H 430 "$work/top.pdf" "${png%.png}"
echo "$(soffice --version | head -1): $png"
